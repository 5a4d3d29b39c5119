package io.reemo.console.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.reemo.console.node.DockerUnreachableException;
import io.reemo.console.node.NodeProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A docker-java client for one node's Docker daemon, reached through the node's SSH connection
 * ({@link DialStdioBridge}). The SSH connection stays the caller's: closing this closes the client, the bridge
 * and its channels, not the connection. Each call is bounded by {@link NodeProperties#dockerCallTimeout()} ({@link SilenceLimit}).
 *
 * <pre>{@code
 * try (DockerOverSsh node1 = DockerOverSsh.open(ssh, "node1", timeouts)) {
 *     node1.docker().infoCmd().exec();
 * }
 * }</pre>
 */
public final class DockerOverSsh implements AutoCloseable {

    /**
     * Pooled HTTP connections; each holds an SSH channel while open. sshd allows 10 sessions per connection by
     * default (MaxSessions), and commands and log streams need some too.
     */
    static final int MAX_CONNECTIONS = 4;
    static final String DIAL_STDIO = "docker system dial-stdio";
    private static final Logger log = LoggerFactory.getLogger(DockerOverSsh.class);

    private final String node;
    private final DialStdioBridge bridge;
    private final NodeProperties timeouts;
    private final DockerClient docker;

    private DockerOverSsh(String node, DialStdioBridge bridge, NodeProperties timeouts, DockerClient docker) {
        this.node = node;
        this.bridge = bridge;
        this.timeouts = timeouts;
        this.docker = docker;
    }

    /**
     * Opens the bridge and checks that the daemon answers.
     *
     * @param ssh  connected and authenticated, host key pinned
     * @param node the node's name, for messages
     * @throws DockerUnreachableException when Docker does not answer, with what the node said
     */
    public static DockerOverSsh open(SSHClient ssh, String node, NodeProperties timeouts) {
        return open(ssh, node, timeouts, DIAL_STDIO);
    }

    static DockerOverSsh open(SSHClient ssh, String node, NodeProperties timeouts, String dialCommand) {
        DialStdioBridge bridge;
        try {
            bridge = DialStdioBridge.open(ssh, node, dialCommand);
        } catch (IOException e) {
            throw new DockerUnreachableException(node, "Could not open the local socket for Docker on " + node + ": "
                    + e.getMessage() + ". Check that the console may write to " + System.getProperty("java.io.tmpdir") + ".", e);
        }
        DockerClient docker = client(bridge.socket(), node, timeouts, null);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            closeQuietly(docker);
            bridge.close();
            throw new DockerUnreachableException(node, explain(node, bridge.lastFailure(), e), e);
        }
        return new DockerOverSsh(node, bridge, timeouts, docker);
    }

    /** @param registry credentials docker-java's {@code authCmd()} logs in with, or {@code null} */
    static DockerClient client(Path socket, String node, NodeProperties timeouts, AuthConfig registry) {
        URI host = URI.create("unix://" + socket);
        DefaultDockerClientConfig.Builder config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(host.toString())
                .withDockerTlsVerify(false)
                // the daemon picks its own API version: pinning one newer than an old engine supports fails
                .withApiVersion(RemoteApiVersion.unknown())
                // never the console machine's ~/.docker credentials: registry auth is always passed explicitly
                .withDockerConfig(socket.getParent().toString());
        if (registry != null) {
            config.withRegistryUrl(registry.getRegistryAddress()).withRegistryUsername(registry.getUsername())
                    .withRegistryPassword(registry.getPassword());
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(timeouts.dockerConnectTimeout())
                .build();
        return DockerClientImpl.getInstance(config.build(), new SilenceLimit(http, node, timeouts.dockerCallTimeout()));
    }

    static String explain(String node, Optional<String> remoteFailure, RuntimeException error) {
        if (remoteFailure.isEmpty()) {
            return "Docker on " + node + " did not answer over SSH (" + error.getMessage()
                    + "): check that the SSH connection is up and that 'docker info' works on the node.";
        }
        String said = remoteFailure.get();
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("not a docker command") || lower.contains("unknown command")) {
            return "The docker CLI on " + node + " is too old for 'docker system dial-stdio' (the node said: " + said
                    + "). Update Docker to 18.09 or newer.";
        }
        if (lower.contains("not found") || lower.contains("no such file") || lower.contains("status 127")) {
            return "Docker is not installed on " + node + ", or 'docker' is not on the SSH user's PATH (the node said: "
                    + said + "). Install Docker (INSTALL_DOCKER), then try again.";
        }
        if (lower.contains("permission denied")) {
            return "The SSH user on " + node + " may not use Docker (the node said: " + said
                    + "). Connect as root, or add the user to the 'docker' group.";
        }
        if (lower.contains("cannot connect to the docker daemon") || lower.contains("is the docker daemon running")
                || lower.contains("failed to open the raw stream connection")) {
            return "The Docker daemon on " + node + " is not running (the node said: " + said
                    + "). Start it (systemctl start docker) and try again.";
        }
        return "Docker on " + node + " could not be reached over SSH (the node said: " + said + ").";
    }

    public DockerClient docker() {
        return docker;
    }

    /**
     * Logs in to a registry through the node's daemon ({@code POST /auth}), which checks the credentials with the
     * registry as its pulls will; nothing is stored on the node. docker-java only logs in with the credentials of a
     * client's configuration, hence a client of its own.
     *
     * @return the daemon's status, e.g. {@code Login Succeeded}
     * @throws com.github.dockerjava.api.exception.DockerException when the daemon or the registry refuses
     */
    public String login(AuthConfig registry) {
        try (DockerClient client = client(bridge.socket(), node, timeouts, registry)) {
            return client.authCmd().exec().getStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UNIX socket docker-java talks to, in a directory only the console's user may enter. */
    Path bridgeSocket() {
        return bridge.socket();
    }

    @Override
    public void close() {
        closeQuietly(docker);
        bridge.close();
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException e) {
            log.debug("Closing the Docker client failed", e);
        }
    }

    @Override
    public String toString() {
        return "DockerOverSsh[" + node + "]";
    }
}
