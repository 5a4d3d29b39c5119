package io.reemo.console.node.ssh;

import io.reemo.console.node.CommandResult;
import io.reemo.console.node.OutputListener;
import io.reemo.console.node.SshException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection to a node, whose host key matched the pin, for a {@code NodeSession}: all
 * the session's commands run through it; {@link #cancel()} stops every command running on it.
 */
public final class SshConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SshConnection.class);
    /** Time a command gets to end after TERM before it is killed. */
    private static final Duration KILL_AFTER = Duration.ofSeconds(2);

    private final SshTarget target;
    private final SSHClient client;
    private final ExecutorService readers;
    private final ScheduledExecutorService timers;
    private final ExecutorService terminators;
    /** The SecretMasker's, for a long line that is masked before it is cut. */
    private final UnaryOperator<String> mask;
    private final Set<RemoteProcess> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    SshConnection(SshTarget target, SSHClient client, ExecutorService readers, ScheduledExecutorService timers,
                  ExecutorService terminators, UnaryOperator<String> mask) {
        this.target = target;
        this.client = client;
        this.readers = readers;
        this.timers = timers;
        this.terminators = terminators;
        this.mask = mask;
    }

    public SshTarget target() {
        return target;
    }

    /**
     * The underlying sshj client, connected and authenticated, for more than commands
     * (the Docker bridge opens {@code docker system dial-stdio} channels on it).
     * It stays owned by this connection: do not disconnect it; its channels count against sshd's MaxSessions.
     */
    public SSHClient client() {
        return client;
    }

    /**
     * Runs a command through the node's login shell, handing each stdout and stderr line to the listener
     * as it arrives (both streams are read at once). Ends when the command ends, the timeout passes
     * (the command gets TERM, then KILL) or {@link #cancel()} is called.
     *
     * @throws SshException when the channel cannot be opened or the connection breaks
     */
    public CommandResult run(String command, Duration timeout, OutputListener listener) {
        long started = System.nanoTime();
        if (cancelled) {
            return new CommandResult(null, null, false, true, Duration.ZERO);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Session session = null;
        RemoteProcess process = null;
        ScheduledFuture<?> watchdog = null;
        try {
            session = client.startSession();
            process = new RemoteProcess(session.exec(RemoteProcess.reportingGroup(command)));
            running.add(process);
            RemoteProcess current = process; // for the lambdas below
            watchdog = timers.schedule(() -> {
                timedOut.set(true);
                terminators.execute(() -> terminate(current));
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (cancelled) {
                terminators.execute(() -> terminate(current));
            }
            Future<?> stderr = readers.submit(() -> {
                LineReader.pump(current.command().getErrorStream(), mask, line -> {
                    if (!current.takeGroupReport(line)) {
                        listener.line(OutputListener.Stream.STDERR, line);
                    }
                });
                return null;
            });
            LineReader.pump(process.command().getInputStream(), mask, line -> listener.line(OutputListener.Stream.STDOUT, line));
            awaitReader(stderr);
            process.command().join(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            Signal signal = process.command().getExitSignal();
            return new CommandResult(process.command().getExitStatus(), signal == null ? null : signal.name(), timedOut.get(),
                    cancelled, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            if (timedOut.get() || cancelled) {
                return new CommandResult(null, null, timedOut.get(), cancelled, Duration.ofNanos(System.nanoTime() - started));
            }
            throw new SshException(target.name(), target.describe() + ": command failed: " + e.getMessage(), e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (process != null) {
                running.remove(process);
            }
            closeQuietly(session);
        }
    }

    private void awaitReader(Future<?> reader) throws IOException {
        try {
            reader.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading stderr", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Stops every running command (TERM to its process group, KILL shortly after) and refuses new ones. */
    public void cancel() {
        cancelled = true;
        running.forEach(cmd -> terminators.execute(() -> terminate(cmd)));
    }

    /**
     * TERM, then KILL, to the command's whole process group. SSH "signal" requests would be simpler, but
     * OpenSSH refuses them for root logins (no privilege separation after a root login), so the console
     * kills the group the command reported through a second channel.
     */
    private void terminate(RemoteProcess process) {
        Integer group = process.awaitGroup(KILL_AFTER);
        if (group != null) {
            killGroup("TERM", group);
            try {
                process.command().join(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException stillRunning) {
                killGroup("KILL", group);
            }
        }
        closeQuietly(process.command());
    }

    private void killGroup(String signal, int group) {
        try (Session session = client.startSession()) {
            session.exec("kill -" + signal + " -- -" + group + " 2>/dev/null").join(KILL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            log.debug("Sending {} to process group {} on {} failed: {}", signal, group, target.describe(), e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException e) {
            log.debug("Closing the SSH connection to {} failed: {}", target.describe(), e.getMessage());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a channel the server already closed
        }
    }
}
