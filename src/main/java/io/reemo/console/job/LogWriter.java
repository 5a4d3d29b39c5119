package io.reemo.console.job;

import io.reemo.console.secrets.SecretMasker;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Persist first, then publish. Producers (step threads) only mask the text, take the next sequence
 * number and queue the line; one writer thread stores queued lines in batches and only then hands
 * them to the live followers. A line nobody has stored is never shown, and storage is never skipped:
 * when it falls behind, producers wait, for {@link #PRODUCER_PATIENCE} at most.
 * <p>
 * The writer thread never dies: a batch that cannot be stored is stored line by line, and a line that cannot be
 * stored alone is replaced by a marker line saying so, whatever it threw (an {@link Error} included), so that one
 * bad line costs only itself and the engine never freezes behind it.
 */
@Component
class LogWriter {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    static final int MAX_TEXT = 16_000;
    /** How long a producer waits for room in the queue before its step fails, rather than hang under the lock. */
    static final Duration PRODUCER_PATIENCE = Duration.ofMinutes(2);

    private final LogStore store;
    private final LogFollowers followers;
    private final SecretMasker masker;
    private final int batchSize;
    private final BlockingQueue<LogStore.Stored> queue;
    /** Last sequence number handed out per open job; guarded by itself. */
    private final Map<Long, Long> assigned = new HashMap<>();
    /** Last sequence number stored per open job. */
    private final Map<Long, Long> stored = new ConcurrentHashMap<>();
    private final Object storedChanged = new Object();
    private final Thread writer;
    private volatile boolean stopping;

    LogWriter(LogStore store, LogFollowers followers, SecretMasker masker, JobsProperties properties) {
        this.store = store;
        this.followers = followers;
        this.masker = masker;
        this.batchSize = properties.logBatch();
        this.queue = new ArrayBlockingQueue<>(properties.logQueue());
        this.writer = new Thread(this::writeLoop, "job-log-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Starts numbering a job's lines after {@code lastSeq} (0 for a new job). */
    void open(long jobId, long lastSeq) {
        synchronized (assigned) {
            assigned.put(jobId, lastSeq);
        }
        stored.put(jobId, lastSeq);
    }

    /**
     * HOT PATH: runs once per log line of every job. Keep it to masking, numbering and queueing;
     * no query, no lookup, no formatting here, or output of busy commands slows down.
     */
    LogLine append(long jobId, String step, String node, LogChannel channel, String text) {
        String masked = masker.mask(text == null ? "" : text);
        if (masked.length() > MAX_TEXT) {
            masked = masked.substring(0, MAX_TEXT);
        }
        Instant now = Instant.now();
        synchronized (assigned) {
            Long last = assigned.get(jobId);
            if (last == null) {
                throw new IllegalStateException("job " + jobId + " is not running: its log is closed");
            }
            LogLine line = new LogLine(last + 1, now, step, node, channel, masked);
            // queued under the same lock, so the queue holds each job's lines in sequence order
            putWaiting(new LogStore.Stored(jobId, line));
            assigned.put(jobId, line.seq());
            return line;
        }
    }

    private void putWaiting(LogStore.Stored line) {
        try {
            if (!queue.offer(line, PRODUCER_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the job log store has not taken a line for " + PRODUCER_PATIENCE.toMinutes()
                        + " minutes (its database is stuck?): this step stops rather than wait forever");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the log store", e);
        }
    }

    /** The last sequence number handed out for a job that is still open. */
    long lastAssigned(long jobId) {
        synchronized (assigned) {
            return assigned.getOrDefault(jobId, 0L);
        }
    }

    /** The last sequence number stored, or {@code null} when this writer does not hold the job open. */
    Long lastStored(long jobId) {
        return stored.get(jobId);
    }

    /** Waits until every line up to {@code seq} is stored. */
    boolean awaitStored(long jobId, long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (storedChanged) {
            while (stored.getOrDefault(jobId, 0L) < seq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(storedChanged, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Forgets a finished job (after {@link #awaitStored}); later appends are refused. */
    void close(long jobId) {
        synchronized (assigned) {
            assigned.remove(jobId);
        }
        stored.remove(jobId);
    }

    private void writeLoop() {
        List<LogStore.Stored> batch = new ArrayList<>(batchSize);
        while (!(stopping && queue.isEmpty())) {
            try {
                LogStore.Stored first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                publish(batch, store(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // whatever it was, the next lines still get stored
                log.error("Job log writer: {} lines could not be handled", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** The batch as stored: whole if it can be, else line by line with markers for the lines that cannot. */
    private List<LogStore.Stored> store(List<LogStore.Stored> batch) throws InterruptedException {
        try {
            storeWithRetry(batch);
            return batch;
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            log.warn("Storing {} job log lines failed ({}): storing them one by one", batch.size(), e.toString());
        }
        List<LogStore.Stored> stored = new ArrayList<>(batch.size());
        for (LogStore.Stored line : batch) {
            storeAlone(line).ifPresent(stored::add);
        }
        return stored;
    }

    private Optional<LogStore.Stored> storeAlone(LogStore.Stored line) {
        try {
            store.insert(List.of(line));
            return Optional.of(line);
        } catch (Throwable e) {
            LogLine was = line.line();
            LogStore.Stored marker = new LogStore.Stored(line.jobId(), new LogLine(was.seq(), was.time(), was.step(), was.node(),
                    LogChannel.SYSTEM, "[this line could not be stored (" + e.getClass().getSimpleName() + "); it is left out]"));
            try {
                store.insert(List.of(marker));
                return Optional.of(marker);
            } catch (Throwable again) {
                log.error("Job {}: log line {} lost, and its marker too", line.jobId(), was.seq(), again);
                return Optional.empty();
            }
        }
    }

    /** A failing database gets a few more chances (with growing pauses) before the batch is given up. */
    private void storeWithRetry(List<LogStore.Stored> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                store.insert(batch);
                return;
            } catch (DataAccessException e) {
                if (attempt >= 8 || stopping && attempt >= 3) {
                    throw e;
                }
                log.warn("Storing {} job log lines failed (attempt {}), retrying: {}", batch.size(), attempt, e.getMessage());
                Thread.sleep(Math.min(5_000, 100L << attempt));
            }
        }
    }

    /**
     * Counts the whole batch as handled, so that nobody waits for a line that was lost, and shows what was stored.
     */
    private void publish(List<LogStore.Stored> handled, List<LogStore.Stored> kept) {
        Map<Long, Long> lastHandled = new HashMap<>(); // per job, so the shared map is touched once a job, not once a line
        handled.forEach(line -> lastHandled.merge(line.jobId(), line.line().seq(), Math::max));
        synchronized (storedChanged) {
            lastHandled.forEach((job, seq) -> stored.computeIfPresent(job, (k, v) -> Math.max(v, seq)));
            storedChanged.notifyAll();
        }
        Map<Long, List<LogLine>> byJob = new LinkedHashMap<>();
        for (LogStore.Stored line : kept) {
            byJob.computeIfAbsent(line.jobId(), k -> new ArrayList<>()).add(line.line());
        }
        byJob.forEach(followers::publish);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
