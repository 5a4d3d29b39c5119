package io.reemo.console.admin.logs;

import io.reemo.console.environment.Node;
import io.reemo.console.ssh.CommandResult;
import io.reemo.console.ssh.OutputListener.Stream;
import io.reemo.console.ssh.SshConnection;
import io.reemo.console.ssh.SshConnector;
import io.reemo.console.ssh.SshException;
import io.reemo.console.ssh.SshTarget;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Log commands on nodes over SSH (host keys pinned, see {@link SshConnector}): one connection per command, so a
 * slow or dead node never holds up the others, and closing a follow ends its remote processes and connection.
 */
@Component
class NodeLogs {

    /** A live view this old is stopped; the page says so and a reload starts a new one. */
    static final Duration LONGEST_FOLLOW = Duration.ofHours(12);

    private final SshConnector connector;
    private final ExecutorService workers;

    NodeLogs(SshConnector connector) {
        this.connector = connector;
        this.workers = Executors.newCachedThreadPool(daemons("node-logs-"));
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
        try (SshConnection connection = connector.connect(SshTarget.of(node))) {
            CommandResult result = connection.run(command, timeout, (stream, text) -> {
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
        workers.execute(() -> follow.run(() -> connector.connect(SshTarget.of(node)), command, LONGEST_FOLLOW));
        return follow;
    }

    /** Threads that never hold the JVM up, numbered after the prefix. */
    static ThreadFactory daemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void shutdown() {
        workers.shutdownNow();
    }
}
