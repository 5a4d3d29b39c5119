package io.reemo.console.node;

/** Something on the road to a node failed, over SSH or through its Docker; the message names the node and says why. */
public abstract class NodeException extends RuntimeException {

    private final String node;

    protected NodeException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
