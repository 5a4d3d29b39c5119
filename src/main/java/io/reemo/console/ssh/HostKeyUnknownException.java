package io.reemo.console.ssh;

/** The node has no pinned host key: the operator must check and pin the presented fingerprint first. */
public class HostKeyUnknownException extends SshException {

    private final String presented;

    HostKeyUnknownException(SshTarget target, String presented) {
        super(target.name(), target.describe() + ": no host key pinned; the server presented " + presented
                + ". Check it on the server (ssh-keygen -l -E sha256 -f /etc/ssh/ssh_host_ed25519_key.pub) and pin it.", null);
        this.presented = presented;
    }

    public String presented() {
        return presented;
    }
}
