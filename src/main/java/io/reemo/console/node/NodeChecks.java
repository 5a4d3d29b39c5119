package io.reemo.console.node;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Node;
import java.time.Duration;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Checks the wizard runs from the nodes themselves, before anything is installed: what a node can reach is not what
 * the console can. All nodes at once; each answer is a sentence about one node. Read-only.
 */
@Service
public class NodeChecks {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(8);
    /** A host name or an IP address (v4 or v6): the text goes into a shell command. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,252}");

    private final NodeSessions sessions;
    /**
     * The checks block on the network for seconds: on threads of their own, not the common fork-join pool, which has a
     * single thread on two cores and which every parallel stream of the console shares (review M9).
     */
    private final ExecutorService checkers = Executors.newCachedThreadPool(new CustomizableThreadFactory("node-check-"));

    NodeChecks(NodeSessions sessions) {
        this.sessions = sessions;
    }

    @PreDestroy
    void stop() {
        checkers.shutdownNow();
    }

    /** @param ok whether the node passed; {@code message} says what happened either way */
    public record NodeCheck(String node, boolean ok, String message) {
    }

    /** Logs in to the registry through each node's Docker daemon, as the pulls of an install will. */
    public List<NodeCheck> registryLogin(List<Node> nodes, EffectiveVariables vars) {
        AuthConfig auth = RegistryAuth.of(vars);
        if (auth.getUsername() == null) {
            return nodes.stream().map(n -> new NodeCheck(n.name(), true,
                    "no REGISTRY_USERNAME: the node pulls without logging in")).toList();
        }
        return onEach(nodes, node -> {
            try (NodeSession session = sessions.open(node)) {
                String status = session.registryLogin(auth);
                return new NodeCheck(node.name(), true, "logged in to " + auth.getRegistryAddress() + " (" + status + ")");
            } catch (DockerException e) {
                return new NodeCheck(node.name(), false, "the Docker daemon could not log in: " + firstLine(e.getMessage()));
            } catch (DockerUnreachableException e) {
                return new NodeCheck(node.name(), false, e.getMessage());
            }
        });
    }

    /** Opens a TCP connection from each node to {@code host:port} (bash's /dev/tcp), e.g. the external database. */
    public List<NodeCheck> tcpConnect(List<Node> nodes, String host, int port) {
        if (!HOST.matcher(host).matches() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + host + ":" + port + "' is not a host name or address with a port from 1 to 65535");
        }
        String command = "timeout " + CONNECT_TIMEOUT.toSeconds() + " bash -c 'exec 3<>/dev/tcp/" + host + "/" + port + "'";
        return onEach(nodes, node -> {
            StringBuilder output = new StringBuilder();
            try (NodeSession session = sessions.open(node)) {
                CommandResult result = session.run(command, CONNECT_TIMEOUT.plusSeconds(5), (stream, line) -> {
                    synchronized (output) {
                        output.append(output.isEmpty() ? "" : "; ").append(line);
                    }
                });
                if (result.succeeded()) {
                    return new NodeCheck(node.name(), true, "reaches " + host + ":" + port);
                }
                String why = result.exitCode() == 124 || result.timedOut() ? "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s"
                        : output.isEmpty() ? "exit code " + result.exitCode() : output.toString();
                return new NodeCheck(node.name(), false, "cannot reach " + host + ":" + port + ": " + why);
            }
        });
    }

    private List<NodeCheck> onEach(List<Node> nodes, Function<Node, NodeCheck> check) {
        List<CompletableFuture<NodeCheck>> checks = nodes.stream().map(node -> CompletableFuture.supplyAsync(() -> {
            if (node.hostKeySha256() == null) {
                return new NodeCheck(node.name(), false, "its host key is not pinned: test its connection on the Nodes page first");
            }
            try {
                return check.apply(node);
            } catch (SshException e) {
                return new NodeCheck(node.name(), false, "no SSH connection: " + e.getMessage());
            }
        }, checkers)).toList();
        return checks.stream().map(NodeChecks::answer).toList();
    }

    /** The check's answer, or what it threw, as it threw it: callers catch the console's own exceptions. */
    private static NodeCheck answer(CompletableFuture<NodeCheck> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.strip().lines().findFirst().orElse(message);
    }
}
