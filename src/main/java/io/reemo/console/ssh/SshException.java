package io.reemo.console.ssh;

/** A connection, command or transfer on a node failed; the message names the node and says why. */
public class SshException extends RuntimeException {

    private final String node;

    public SshException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
