package io.reemo.console.admin.logs;

import io.reemo.console.ssh.CommandResult;
import io.reemo.console.ssh.OutputListener.Stream;
import io.reemo.console.ssh.SshConnection;
import io.reemo.console.ssh.SshException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One node's part of a live view: a {@code tail -F} over SSH whose lines go to the listener until
 * {@link #close()}, which stops the remote processes (TERM to their process group) and drops the connection.
 */
final class NodeFollow implements AutoCloseable {

    /** Stderr line of the follow script naming the file it follows. */
    static final String FOLLOWING = "@@reemo-following ";

    /** Called from the node's reader threads. */
    interface Listener {
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
    private volatile SshConnection connection;
    private volatile boolean closed;

    NodeFollow(String node, Listener listener) {
        this.node = node;
        this.listener = listener;
    }

    String node() {
        return node;
    }

    void run(Supplier<SshConnection> connect, String command, Duration longest) {
        try {
            connection = connect.get();
            if (closed) {
                return;
            }
            CommandResult result = connection.run(command, longest, (stream, text) -> {
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
            SshConnection open = connection;
            if (open != null) {
                open.close();
            }
        }
    }

    /** Ends the remote tail and the connection; the reader thread ends with them. */
    @Override
    public void close() {
        closed = true;
        SshConnection open = connection;
        if (open != null) {
            open.cancel();
        }
    }
}
