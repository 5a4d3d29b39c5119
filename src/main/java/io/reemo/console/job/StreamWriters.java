package io.reemo.console.job;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The threads that write to the clients of live streams (job logs, service logs). A write to a client that stopped
 * reading blocks until the server's write timeout; on the shared timers it would stall every other stream (review M9).
 * So each write runs here, at most one per stream at a time ({@link Gate}), and a stream whose write has been stuck
 * for {@link #STALLED} is closed by its owner. The threads are as many as streams write at once, which the caps of
 * the {@code quota} module bound.
 */
@Component
public class StreamWriters {

    /** A client that has taken no data for this long has stopped reading (a suspended process, a dead network). */
    public static final Duration STALLED = Duration.ofSeconds(20);

    private final ExecutorService threads;

    StreamWriters() {
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stream-writer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs a task that may block on a client (a write, or closing a stream whose write is stuck). */
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /** A stream's gate: one write at a time, and how long the current one has been running. */
    public Gate gate() {
        return new Gate(threads, STALLED);
    }

    /** Holds one stream's writes to one at a time, on the threads it is given. */
    public static final class Gate {
        private final Executor threads;
        private final Duration stalled;
        private final AtomicLong busySince = new AtomicLong();

        public Gate(Executor threads, Duration stalled) {
            this.threads = threads;
            this.stalled = stalled;
        }

        /** Runs the write on a writer thread, unless the stream's last write still runs: then false, try again later. */
        public boolean offer(Runnable write) {
            if (!busySince.compareAndSet(0, Math.max(1, System.nanoTime()))) {
                return false;
            }
            try {
                threads.execute(() -> {
                    try {
                        write.run();
                    } finally {
                        busySince.set(0);
                    }
                });
            } catch (RuntimeException rejected) {
                busySince.set(0);
                throw rejected;
            }
            return true;
        }

        /** Runs a task that may block on the client without waiting for the gate: closing a stuck stream. */
        public void bypass(Runnable task) {
            threads.execute(task);
        }

        public boolean busy() {
            return busySince.get() != 0;
        }

        /** Whether the current write has been stuck for the gate's limit: the client stopped reading. */
        public boolean stalled() {
            long since = busySince.get();
            return since != 0 && System.nanoTime() - since > stalled.toNanos();
        }
    }

    @PreDestroy
    void shutdown() {
        threads.shutdownNow();
    }
}
