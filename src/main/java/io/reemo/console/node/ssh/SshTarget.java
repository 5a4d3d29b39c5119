package io.reemo.console.node.ssh;

import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;

/**
 * Where and how to log in to one server.
 *
 * @param name          the node's name, used in every message so the operator knows which server failed
 * @param hostKeySha256 the pinned host key ({@code SHA256:…}); {@code null} refuses every connection
 */
public record SshTarget(String name, String address, int port, String user, SshAuth auth, String hostKeySha256) {

    public static SshTarget of(Node node) {
        return new SshTarget(node.name(), node.address(), node.sshPort(), node.sshUser(), node.auth(), node.hostKeySha256());
    }

    /** {@code node1 (10.199.0.1:22)}: how messages name the server. */
    public String describe() {
        return name + " (" + address + ":" + port + ")";
    }

    @Override
    public String toString() {
        return "SshTarget[" + describe() + " as " + user + ", " + auth + "]";
    }
}
