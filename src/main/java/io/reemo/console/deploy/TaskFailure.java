package io.reemo.console.deploy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Why one task of a failed version failed, and on which node: Swarm's error, the exit code, the last lines it wrote.
 *
 * @param exitCode   its container's exit code; {@code null} when no container ran (an image that could not be pulled)
 * @param error      Swarm's error for the task, e.g. {@code task: non-zero exit (1)}; empty when it gave none
 * @param output     the last lines it wrote, masked; empty when there were none or they could not be read
 * @param outputNote where {@code output} came from when not from the task itself, or why there is none; else {@code null}
 */
public record TaskFailure(String service, String node, Integer exitCode, String error, List<String> output, String outputNote) {

    /** Swarm's way of saying the exit code, which the words already give. */
    private static final Pattern EXIT_PREFIX = Pattern.compile("^(task: )?non-zero exit \\(\\d+\\)(: )?");

    public TaskFailure {
        error = error == null ? "" : error.strip();
        output = List.copyOf(output);
    }

    /** {@code task exited 1 on node2: <its last lines>}; with the service's name first when {@code named}. */
    public String words(boolean named) {
        StringBuilder words = new StringBuilder(named ? service + ": " : "");
        words.append(exitCode != null && exitCode != 0 ? "task exited " + exitCode : "task failed").append(" on ").append(node);
        String cause = EXIT_PREFIX.matcher(error).replaceFirst("").strip();
        if (!cause.isEmpty()) {
            words.append(" (").append(cause).append(')');
        }
        if (!output.isEmpty()) {
            words.append(": ").append(String.join(" / ", output));
        }
        if (outputNote != null) {
            words.append(" [").append(outputNote).append(']');
        }
        return words.toString();
    }
}
