package io.reemo.console.node;

import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.Node;
import io.reemo.console.node.ssh.SshConnector;
import io.reemo.console.node.ssh.SshTarget;
import io.reemo.console.secrets.SecretMasker;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Opens {@link NodeSession}s: SSH to a node of an environment with its pinned host key (no known_hosts file, never
 * "accept any"), with the timeouts of {@link NodeProperties}. Also reads a host key for the operator to pin.
 */
@Component
public class NodeSessions {

    private final SshConnector connector;
    private final NodeProperties timeouts;

    NodeSessions(SecretMasker masker, NodeProperties timeouts, LocalFiles files) {
        this.connector = new SshConnector(masker, timeouts, files);
        this.timeouts = timeouts;
    }

    /**
     * Connects and logs in as the node says.
     *
     * @throws HostKeyUnknownException when the node has no pinned key (the message carries the presented one)
     * @throws HostKeyChangedException when the node presents another key than the pinned one
     * @throws SshException            for any other failure, naming the node and why
     */
    public NodeSession open(Node node) {
        return new NodeSession(node.name(), connector.connect(SshTarget.of(node)), timeouts);
    }

    /**
     * Fetches the host key's SHA-256 fingerprint without logging in, for the operator to pin.
     *
     * @throws SshException naming the node, its address and why
     */
    public String probeHostKey(Node node) {
        return connector.probeHostKey(node.name(), node.address(), node.sshPort());
    }

    /** {@code node1 (10.199.0.1:22)}: how messages name a node's SSH server. */
    public static String describe(Node node) {
        return SshTarget.of(node).describe();
    }

    @PreDestroy
    void shutdown() {
        connector.close();
    }
}
