package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task's container wrote, read through any manager: Docker keeps a local copy even when the service logs to
 * syslog (dual logging, Engine 20.10 and later), as long as the task's container exists.
 */
public final class TaskLogs {

    private static final Pattern DAEMON_MESSAGE = Pattern.compile("Status \\d+: (?:\\{\"message\":\"(.*)\"}|(.*))\\s*");

    private TaskLogs() {
    }

    /**
     * @param tail    only the last this many lines; {@code null} for all
     * @param timeout the longest the read may take
     * @throws SwarmStateException when Docker cannot give them (in its words), or the read is interrupted
     */
    public static void read(DockerClient docker, String taskId, Integer tail, Duration timeout, Consumer<String> lines) {
        var command = docker.logTaskCmd(taskId).withStdout(true).withStderr(true);
        if (tail != null) {
            command = command.withTail(tail);
        }
        try {
            command.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(lines);
                }
            }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwarmStateException("interrupted while reading the output of task " + taskId);
        } catch (RuntimeException e) {
            throw new SwarmStateException("Docker could not give the output of task " + taskId + ": " + words(e));
        }
    }

    /** docker-java says {@code Status 400: {"message":"…"}}: the daemon's message is what a person reads. */
    private static String words(RuntimeException e) {
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        Matcher status = DAEMON_MESSAGE.matcher(first);
        if (!status.matches()) {
            return first;
        }
        return status.group(1) != null ? status.group(1).replace("\\\"", "\"") : status.group(2);
    }
}
