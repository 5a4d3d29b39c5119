package io.reemo.console.deploy;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.environment.Node;
import io.reemo.console.job.LogChannel;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.node.CommandResult;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.node.OutputListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A job's sessions to its nodes: one per node for the whole job (opened on first use, host key checked against the
 * pin, its commands stopped when the job is cancelled, closed with its Docker bridge when the job ends), commands
 * whose output lines go to the job log as they come, and each node's Docker through its session.
 */
@Component
public class JobSessions {

    private final NodeSessions sessions;

    JobSessions(NodeSessions sessions) {
        this.sessions = sessions;
    }

    /** A step that runs {@code work} on each node at once. */
    public static Step perNode(String name, List<Node> nodes, NodeStep work) {
        Map<String, Node> byName = new LinkedHashMap<>();
        nodes.forEach(node -> byName.put(node.name(), node));
        return new Step(name, List.copyOf(byName.keySet()), run -> work.run(run, byName.get(run.node())));
    }

    /** A step that runs a shell command on each node at once; a node fails when its command exits non-zero. */
    public Step commandStep(String name, List<Node> nodes, Function<Node, String> command, Duration timeout) {
        return perNode(name, nodes, (run, node) -> run(run, node, command.apply(node), timeout).exitCode());
    }

    /**
     * The job's open session to the node. Do not close it: the job does.
     *
     * @throws io.reemo.console.node.SshException (or a subclass for host key problems) naming the node
     */
    public NodeSession session(NodeRun run, Node node) {
        try {
            return run.shared("node:" + node.name(), () -> {
                run.system("Connecting to " + NodeSessions.describe(node) + " as " + node.sshUser() + ".");
                NodeSession session = sessions.open(node);
                run.onCancel(session::cancel);
                run.system("Connected: host key " + node.hostKeySha256() + " matches the pin.");
                return session;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeployException(node.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The node's Docker through the job's session to it, opened on first use.
     *
     * @throws io.reemo.console.node.DockerUnreachableException when Docker does not answer, naming the node and why
     */
    public DockerClient docker(NodeRun run, Node node) {
        return session(run, node).docker();
    }

    /** Runs a short command on the node (the default timeout, {@code console.node.command-timeout}), its output going to the job log. */
    public CommandResult run(NodeRun run, Node node, String command, OutputListener also) {
        return run(run, node, command, session(run, node).commandTimeout(), also);
    }

    /** Runs a command on the node, its output going to the job log line by line. */
    public CommandResult run(NodeRun run, Node node, String command, Duration timeout) {
        return run(run, node, command, timeout, (stream, text) -> { });
    }

    /** As {@link #run(NodeRun, Node, String, Duration)}, also handing each line to {@code also} (e.g. to parse it). */
    public CommandResult run(NodeRun run, Node node, String command, Duration timeout, OutputListener also) {
        CommandResult result = session(run, node).run(command, timeout, (stream, text) -> {
            run.log(stream == OutputListener.Stream.STDERR ? LogChannel.STDERR : LogChannel.STDOUT, text);
            also.line(stream, text);
        });
        if (result.timedOut()) {
            run.system("Timed out after " + timeout.toSeconds() + " s: the command was stopped.");
        }
        return result;
    }
}
