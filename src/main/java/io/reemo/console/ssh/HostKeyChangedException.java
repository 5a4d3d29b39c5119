package io.reemo.console.ssh;

/** The node presented another key than the pinned one: refused, never connected. */
public class HostKeyChangedException extends SshException {

    private final String expected;
    private final String presented;

    HostKeyChangedException(SshTarget target, String expected, String presented) {
        super(target.name(), target.describe() + ": HOST KEY CHANGED, connection refused. Pinned " + expected
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
