package io.reemo.console.deploy;

import io.reemo.console.environment.Node;
import io.reemo.console.job.LogChannel;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.ssh.CommandResult;
import io.reemo.console.ssh.OutputListener;
import io.reemo.console.ssh.SshConnection;
import io.reemo.console.ssh.SshConnector;
import io.reemo.console.ssh.SshTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * SSH inside a job: one connection per node for the whole job (opened on first use, host key checked
 * against the pin, stopped when the job is cancelled, closed when it ends), and commands whose output
 * lines go to the job log as they come.
 */
@Component
public class JobSsh {

    private final SshConnector connector;

    JobSsh(SshConnector connector) {
        this.connector = connector;
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
     * The job's open connection to the node; {@link SshConnection#client()} gives the sshj client for
     * other channels (the Docker bridge). Do not close it: the job does.
     *
     * @throws io.reemo.console.ssh.SshException (or a subclass for host key problems) naming the node
     */
    public SshConnection connection(NodeRun run, Node node) {
        try {
            return run.shared("ssh:" + node.name(), () -> {
                SshTarget target = SshTarget.of(node);
                run.system("Connecting to " + target.describe() + " as " + target.user() + ".");
                SshConnection connection = connector.connect(target);
                run.onCancel(connection::cancel);
                run.system("Connected: host key " + node.hostKeySha256() + " matches the pin.");
                return connection;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs a command on the node, its output going to the job log line by line. */
    public CommandResult run(NodeRun run, Node node, String command, Duration timeout) {
        return run(run, node, command, timeout, (stream, text) -> { });
    }

    /** As {@link #run(NodeRun, Node, String, Duration)}, also handing each line to {@code also} (e.g. to parse it). */
    public CommandResult run(NodeRun run, Node node, String command, Duration timeout, OutputListener also) {
        CommandResult result = connection(run, node).run(command, timeout, (stream, text) -> {
            run.log(stream == OutputListener.Stream.STDERR ? LogChannel.STDERR : LogChannel.STDOUT, text);
            also.line(stream, text);
        });
        if (result.timedOut()) {
            run.system("Timed out after " + timeout.toSeconds() + " s: the command was stopped.");
        }
        return result;
    }
}
