package io.reemo.console.node;

/** The node presented another key than the pinned one: refused, never connected. */
public class HostKeyChangedException extends SshException {

    private final String expected;
    private final String presented;

    /** @param described how messages name the server, e.g. {@code node1 (10.199.0.1:22)} */
    public HostKeyChangedException(String node, String described, String expected, String presented) {
        super(node, described + ": HOST KEY CHANGED, connection refused. Pinned " + expected
                + ", the server presented " + presented
                + ". If the server was reinstalled on purpose, re-pin its key; otherwise someone may be intercepting the connection.", null);
        this.expected = expected;
        this.presented = presented;
    }

    public String expected() {
        return expected;
    }

    public String presented() {
        return presented;
    }
}
