package io.reemo.console.node;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.node.docker.DockerOverSsh;
import io.reemo.console.node.ssh.SshConnection;
import java.time.Duration;

/**
 * The console's one way onto a node: an SSH connection whose host key matched the pin, its commands with streamed
 * output, and the node's Docker API through that same connection ({@link #docker()}, opened on first use). Closing
 * the session closes the Docker bridge, then the connection. Who holds it for how long is the caller's policy:
 * a job for its run, viewers through {@link ViewerSessions}, one-shot callers in a try-with-resources.
 */
public final class NodeSession implements AutoCloseable {

    private final String node;
    private final SshConnection ssh;
    private final NodeProperties timeouts;
    private DockerOverSsh docker;
    private boolean closed;

    NodeSession(String node, SshConnection ssh, NodeProperties timeouts) {
        this.node = node;
        this.ssh = ssh;
        this.timeouts = timeouts;
    }

    /** The node's name, as every message names it. */
    public String node() {
        return node;
    }

    /**
     * Runs a command through the node's login shell with the default timeout ({@code console.node.command-timeout}),
     * each stdout and stderr line handed to the listener as it arrives.
     *
     * @throws SshException when the channel cannot be opened or the connection breaks
     */
    public CommandResult run(String command, OutputListener listener) {
        return run(command, timeouts.commandTimeout(), listener);
    }

    /**
     * As {@link #run(String, OutputListener)} with a timeout of its own; past it, the command gets TERM, then KILL.
     * Ends early when {@link #cancel()} is called.
     */
    public CommandResult run(String command, Duration timeout, OutputListener listener) {
        return ssh.run(command, timeout, listener);
    }

    /** The timeout of {@link #run(String, OutputListener)}, for messages that say when a command was stopped. */
    public Duration commandTimeout() {
        return timeouts.commandTimeout();
    }

    /**
     * The node's Docker API through this session's SSH connection, opened on first use and kept until the session
     * closes. Do not close it.
     *
     * @throws DockerUnreachableException when Docker does not answer, with what the node said and what to do
     */
    public DockerClient docker() {
        return bridge().docker();
    }

    /**
     * Logs in to a registry through the node's daemon, which checks the credentials with the registry as its pulls
     * will; nothing is stored on the node.
     *
     * @return the daemon's status, e.g. {@code Login Succeeded}
     * @throws com.github.dockerjava.api.exception.DockerException when the daemon or the registry refuses
     */
    public String registryLogin(AuthConfig registry) {
        return bridge().login(registry);
    }

    private synchronized DockerOverSsh bridge() {
        if (closed) {
            throw new IllegalStateException("The session to " + node + " is closed.");
        }
        if (docker == null) {
            docker = DockerOverSsh.open(ssh.client(), node, timeouts);
        }
        return docker;
    }

    /** Stops every running command (TERM to its process group, KILL shortly after) and refuses new ones. */
    public void cancel() {
        ssh.cancel();
    }

    @Override
    public void close() {
        DockerOverSsh bridge;
        synchronized (this) {
            closed = true;
            bridge = docker;
            docker = null;
        }
        if (bridge != null) {
            bridge.close();
        }
        ssh.close();
    }

    @Override
    public String toString() {
        return "NodeSession[" + ssh.target().describe() + "]";
    }
}
