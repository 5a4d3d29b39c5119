package io.reemo.console.job;

import io.reemo.console.quota.Permit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client following one job's log from a given sequence number on. It subscribes before it reads
 * the store, then sends from whichever source holds the next sequence number: the live lines handed
 * to it when they were stored, or the store itself for anything before them or lost to an overflow.
 * Since it only ever sends {@code lastSent + 1}, no line is skipped and none is sent twice.
 * Sends are gathered for a short interval (throttling what is broadcast, never what is stored).
 */
public final class LogFollow {

    /**
     * Live lines kept for a slow client; past this it catches up from the store instead. At up to 8 KiB a line, a
     * client that stopped reading holds at most 16 MB until it is found {@linkplain StreamWriters#STALLED stalled}.
     */
    static final int MAX_PENDING = 2_000;

    private final long jobId;
    private final LogSink sink;
    private final Host owner;
    private final ArrayDeque<LogLine> pending = new ArrayDeque<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long lastSent;
    private volatile boolean jobChanged;
    private volatile Job ended;
    private volatile ScheduledFuture<?> heartbeat;
    private final Permit permit;
    /** When the send under way began ({@link System#nanoTime()}), 0 when none is. */
    private volatile long sendingSince;

    /** What a follow needs from its surroundings: the store, the job, a scheduler and the limits. */
    interface Host {
        List<LogLine> read(long jobId, long afterSeq, long upToSeq, int limit);

        Job job(long jobId);

        void schedule(Runnable task, long delayMillis);

        Duration flushInterval();

        int flushLines();

        /** How long a send may be stuck before the client counts as gone ({@link StreamWriters#STALLED}). */
        Duration stalled();

        void unsubscribe(LogFollow follow);
    }

    LogFollow(long jobId, long afterSeq, LogSink sink, Host owner, Permit permit) {
        this.jobId = jobId;
        this.lastSent = afterSeq;
        this.sink = sink;
        this.owner = owner;
        this.permit = permit;
    }

    /** Closes this follow when the client's request ends, however it ends (completed, timed out, failed). */
    public void closeWith(SseEmitter emitter) {
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(e -> close());
    }

    public long jobId() {
        return jobId;
    }

    public boolean isClosed() {
        return closed.get();
    }

    void heartbeatWith(ScheduledFuture<?> task) {
        this.heartbeat = task;
    }

    /** Lines just stored (called by the log writer's thread: only queues). */
    void offer(List<LogLine> lines) {
        synchronized (pending) {
            if (pending.size() + lines.size() > MAX_PENDING) {
                pending.clear();
            } else {
                pending.addAll(lines);
            }
        }
        schedule(false);
    }

    void changed() {
        jobChanged = true;
        schedule(false);
    }

    void ended(Job job) {
        ended = job;
        schedule(true);
    }

    void schedule(boolean now) {
        if (!closed.get() && scheduled.compareAndSet(false, true)) {
            owner.schedule(this::flush, now ? 0 : owner.flushInterval().toMillis());
        }
    }

    void flush() {
        scheduled.set(false);
        if (closed.get()) {
            return;
        }
        if (!sending.tryLock()) {
            schedule(false);
            return;
        }
        sendingSince = Math.max(1, System.nanoTime());
        try {
            int budget = owner.flushLines();
            List<LogLine> out = new ArrayList<>();
            while (out.size() < budget) {
                List<LogLine> chunk = next(budget - out.size());
                if (chunk.isEmpty()) {
                    break;
                }
                out.addAll(chunk);
                lastSent = chunk.get(chunk.size() - 1).seq();
            }
            if (!out.isEmpty()) {
                sink.lines(out);
            }
            if (jobChanged) {
                jobChanged = false;
                sink.jobChanged(owner.job(jobId));
            }
            Job end = ended;
            if (out.size() >= budget) {
                schedule(true);
            } else if (end != null && lastSent >= end.lastSeq()) {
                sink.end(end);
                close();
            }
        } catch (IOException | RuntimeException clientGone) {
            close();
        } finally {
            sendingSince = 0;
            sending.unlock();
        }
    }

    /** The next lines after {@code lastSent}: from the live queue when it continues the sequence, else from the store. */
    private List<LogLine> next(int max) {
        long upTo = Long.MAX_VALUE;
        synchronized (pending) {
            while (!pending.isEmpty() && pending.peekFirst().seq() <= lastSent) {
                pending.pollFirst();
            }
            if (!pending.isEmpty()) {
                if (pending.peekFirst().seq() == lastSent + 1) {
                    List<LogLine> run = new ArrayList<>();
                    while (!pending.isEmpty() && run.size() < max && pending.peekFirst().seq() == lastSent + 1 + run.size()) {
                        run.add(pending.pollFirst());
                    }
                    return run;
                }
                upTo = pending.peekFirst().seq() - 1;
            }
        }
        return owner.read(jobId, lastSent, upTo, Math.min(max, LogStore.PAGE));
    }

    /**
     * Runs on a writer thread now and then: a comment line, or, while a send is under way, the check that it is not
     * stuck: a client that stopped reading is closed (which waits for the stuck write to fail, on this thread).
     */
    void heartbeat() {
        if (closed.get()) {
            return;
        }
        if (!sending.tryLock()) {
            long since = sendingSince;
            if (since != 0 && System.nanoTime() - since > owner.stalled().toNanos()) {
                close();
            }
            return;
        }
        try {
            sink.heartbeat();
        } catch (IOException | RuntimeException clientGone) {
            close();
        } finally {
            sending.unlock();
        }
    }

    /** Stops following: unsubscribes, stops the heartbeat and closes the sink. Safe to call twice. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        owner.unsubscribe(this);
        ScheduledFuture<?> task = heartbeat;
        if (task != null) {
            task.cancel(false);
        }
        permit.close();
        sink.close();
    }
}
