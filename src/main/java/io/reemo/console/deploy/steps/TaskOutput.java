package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Node;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.NodeSearchResult;
import io.reemo.console.servicelogs.SyslogLine;
import io.reemo.console.swarm.FailedRollout.FailedTask;
import io.reemo.console.swarm.SwarmStateException;
import io.reemo.console.swarm.TaskLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The last lines a failed task wrote: its own output through a manager; when Docker cannot give it (no local copy
 * of a syslog-driven container's output, or the container is gone), its service's lines in that node's syslog while
 * it ran (product-calls.md §16), said as such.
 */
@Component
class TaskOutput {

    static final int LINES = 5;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** Syslog stamps whole seconds, and the last line may come just after Swarm noted the end. */
    private static final Duration AFTER_END = Duration.ofSeconds(2);
    private static final Duration WITHOUT_START = Duration.ofMinutes(1);

    private final LogSearch syslog;
    private final SecretMasker masker;

    TaskOutput(LogSearch syslog, SecretMasker masker) {
        this.syslog = syslog;
        this.masker = masker;
    }

    /**
     * @param lines masked, the newest last
     * @param note  where the lines came from when not from the task itself, or why there are none; {@code null} otherwise
     */
    record Lines(List<String> lines, String note) {
    }

    /** @param node the environment's node the task ran on, empty when Swarm named a node the environment lacks */
    Lines of(DockerClient manager, FailedTask task, ServiceSpec service, Optional<Node> node) {
        if (task.exitCode() == null) {
            return new Lines(List.of(), null); // no container ran, so nothing was written
        }
        List<String> lines = new ArrayList<>();
        try {
            TaskLogs.read(manager, task.taskId(), LINES, READ_TIMEOUT, line -> lines.add(masker.mask(line)));
            return new Lines(lines, lines.isEmpty() ? "it wrote nothing" : null);
        } catch (SwarmStateException e) {
            return fromSyslog(task, service, node, e.getMessage());
        }
    }

    private Lines fromSyslog(FailedTask task, ServiceSpec service, Optional<Node> node, String dockerProblem) {
        if (node.isEmpty()) {
            return new Lines(List.of(), dockerProblem + "; " + task.node() + " is not a node of this environment, so its syslog was not read");
        }
        String tag = service.logOptions().getOrDefault("tag", service.name());
        Instant until = task.endedAt() == null ? Instant.now() : task.endedAt().plus(AFTER_END);
        Instant from = task.createdAt() == null ? until.minus(WITHOUT_START) : task.createdAt();
        NodeSearchResult found = syslog.search(List.of(new LoggedService(service.name(), tag, List.of(node.get()))), null, from, until).get(0);
        if (found.problem() != null) {
            return new Lines(List.of(), dockerProblem + "; " + task.node() + "'s syslog could not be read either: " + found.problem());
        }
        List<String> messages = found.lines().stream().map(SyslogLine::message).toList();
        return new Lines(messages.subList(Math.max(0, messages.size() - LINES), messages.size()),
                "from " + task.node() + "'s syslog: the lines of " + tag + " while the task ran");
    }
}
