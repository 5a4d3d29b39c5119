package io.reemo.console.node;

/** A connection, command or transfer on a node failed; the message names the node and says why. */
public class SshException extends NodeException {

    public SshException(String node, String message, Throwable cause) {
        super(node, message, cause);
    }
}
