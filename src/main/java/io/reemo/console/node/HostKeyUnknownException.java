package io.reemo.console.node;

/** The node has no pinned host key: the operator must check and pin the presented fingerprint first. */
public class HostKeyUnknownException extends SshException {

    private final String presented;

    /** @param described how messages name the server, e.g. {@code node1 (10.199.0.1:22)} */
    public HostKeyUnknownException(String node, String described, String presented) {
        super(node, described + ": no host key pinned; the server presented " + presented
                + ". Check it on the server (ssh-keygen -l -E sha256 -f /etc/ssh/ssh_host_ed25519_key.pub) and pin it.", null);
        this.presented = presented;
    }

    public String presented() {
        return presented;
    }
}
