package io.reemo.console.servicelogs;

import io.reemo.console.environment.Node;
import io.reemo.console.node.CommandResult;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.node.OutputListener.Stream;
import io.reemo.console.node.SshException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Log commands on nodes over SSH (host keys pinned, see {@link NodeSessions}): one session per command, so a
 * slow or dead node never holds up the others, and closing a follow ends its remote processes and session.
 */
@Component
class NodeLogs {

    /** A live view this old is stopped; the page says so and a reload starts a new one. */
    static final Duration LONGEST_FOLLOW = Duration.ofHours(12);

    private final NodeSessions sessions;
    private final ExecutorService workers;

    NodeLogs(NodeSessions sessions) {
        this.sessions = sessions;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("node-logs-");
        threads.setDaemon(true);
        this.workers = Executors.newCachedThreadPool(threads);
    }

    /** What a finished command left besides its lines. */
    record Outcome(long matched, String problem) {
        boolean failed() {
            return problem != null;
        }
    }

    /**
     * Runs a {@link SyslogCommand#read} script, each stdout line to {@code lines} as it comes (from this thread),
     * and says how many lines matched before the cap, or why the node could not answer.
     */
    Outcome read(Node node, String command, Duration timeout, Consumer<String> lines) {
        List<String> errors = new ArrayList<>();
        long[] matched = {0};
        try (NodeSession session = sessions.open(node)) {
            CommandResult result = session.run(command, timeout, (stream, text) -> {
                if (stream == Stream.STDOUT) {
                    lines.accept(text);
                } else if (text.startsWith(SyslogCommand.MATCHED)) {
                    matched[0] = Long.parseLong(text.substring(SyslogCommand.MATCHED.length()).strip());
                } else {
                    synchronized (errors) {
                        errors.add(text);
                    }
                }
            });
            if (result.timedOut()) {
                return new Outcome(matched[0], "no complete answer within " + timeout.toSeconds() + " s: narrow the time range");
            }
            if (!result.succeeded()) {
                return new Outcome(matched[0], errors.isEmpty() ? "the log command ended with exit code " + result.exitCode()
                        : String.join("; ", errors));
            }
            return new Outcome(matched[0], null);
        } catch (SshException e) {
            return new Outcome(0, e.getMessage());
        }
    }

    /** Work on several nodes at once (e.g. {@link #read}); results in the order of the nodes. */
    <T> List<T> eachAtOnce(List<Node> nodes, Function<Node, T> work) {
        List<CompletableFuture<T>> runs = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> work.apply(node), workers)).toList();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    /** Starts following on the node; the returned handle's {@code close()} stops it. */
    NodeFollow follow(Node node, String command, NodeFollow.Listener listener) {
        NodeFollow follow = new NodeFollow(node.name(), listener);
        workers.execute(() -> follow.run(() -> sessions.open(node), command, LONGEST_FOLLOW));
        return follow;
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }
}
