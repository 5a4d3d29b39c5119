package io.reemo.console.servicelogs;

import io.reemo.console.node.CommandResult;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.OutputListener.Stream;
import io.reemo.console.node.SshException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One node's part of a live view: a {@code tail -F} over SSH whose lines go to the listener until
 * {@link #close()}, which stops the remote processes (TERM to their process group) and closes the session.
 */
public final class NodeFollow implements AutoCloseable {

    /** Stderr line of the follow script naming the file it follows. */
    static final String FOLLOWING = "@@reemo-following ";

    /** Called from the node's reader threads. */
    public interface Listener {
        void line(String node, String raw);

        /** The node follows {@code file} now. */
        void following(String node, String file);

        /** Something the node said on stderr, in words. */
        void notice(String node, String text);

        /** The node stopped for good: a failure, or {@code why} the command ended. */
        void stopped(String node, String why);
    }

    private final String node;
    private final Listener listener;
    private volatile NodeSession session;
    private volatile boolean closed;

    /** A follow of the node that runs once {@link NodeLogs#follow} starts it; until then, nothing is asked of the node. */
    public NodeFollow(String node, Listener listener) {
        this.node = node;
        this.listener = listener;
    }

    public String node() {
        return node;
    }

    void run(Supplier<NodeSession> open, String command, Duration longest) {
        try {
            session = open.get();
            if (closed) {
                return;
            }
            CommandResult result = session.run(command, longest, (stream, text) -> {
                if (stream == Stream.STDOUT) {
                    listener.line(node, text);
                } else if (text.startsWith(FOLLOWING)) {
                    listener.following(node, text.substring(FOLLOWING.length()));
                } else {
                    listener.notice(node, text);
                }
            });
            if (!closed) {
                listener.stopped(node, result.timedOut() ? "stopped after " + longest.toHours() + " h: reload the page to go on"
                        : "the remote tail ended (exit code " + result.exitCode() + ")");
            }
        } catch (SshException e) {
            if (!closed) {
                listener.stopped(node, e.getMessage());
            }
        } finally {
            NodeSession opened = session;
            if (opened != null) {
                opened.close();
            }
        }
    }

    /** Ends the remote tail and the session; the reader thread ends with them. */
    @Override
    public void close() {
        closed = true;
        NodeSession opened = session;
        if (opened != null) {
            opened.cancel();
        }
    }
}
