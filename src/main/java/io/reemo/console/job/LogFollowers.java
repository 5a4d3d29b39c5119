package io.reemo.console.job;

import io.reemo.console.quota.Permit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Everyone following a job's log live. The log writer publishes stored lines here, the runner
 * publishes state changes and the end. On shutdown every open stream is closed first, so open SSE
 * connections never hold up the web server's graceful shutdown.
 */
@Component
public class LogFollowers implements SmartLifecycle {

    private final LogStore store;
    private final JobStore jobs;
    private final JobsProperties properties;
    private final Map<Long, Set<LogFollow>> byJob = new ConcurrentHashMap<>();
    /** Timers only: what they start may block on a client, so it runs on the {@link StreamWriters}. */
    private final ScheduledExecutorService senders;
    private final StreamWriters writers;
    private volatile boolean running;
    private final LogFollow.Host host = new LogFollow.Host() {
        @Override
        public List<LogLine> read(long jobId, long afterSeq, long upToSeq, int limit) {
            return store.read(jobId, afterSeq, upToSeq, limit);
        }

        @Override
        public Job job(long jobId) {
            return LogFollowers.this.job(jobId);
        }

        @Override
        public void schedule(Runnable task, long delayMillis) {
            senders.schedule(() -> writers.execute(task), delayMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public Duration flushInterval() {
            return properties.flushInterval();
        }

        @Override
        public int flushLines() {
            return properties.flushLines();
        }

        @Override
        public Duration stalled() {
            return StreamWriters.STALLED;
        }

        @Override
        public void unsubscribe(LogFollow follow) {
            LogFollowers.this.unsubscribe(follow);
        }
    };

    LogFollowers(LogStore store, JobStore jobs, JobsProperties properties, StreamWriters writers) {
        this.store = store;
        this.jobs = jobs;
        this.properties = properties;
        this.writers = writers;
        AtomicInteger counter = new AtomicInteger();
        this.senders = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "job-log-timer-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Follows a job's log from the line after {@code afterSeq} (0 for all of it) until the job ends and
     * every line was delivered, then calls {@link LogSink#end}. Works the same for a finished job.
     *
     * @param permit given back when the follow closes
     * @throws JobNotFoundException when there is no such job (the permit is given back at once)
     */
    public LogFollow follow(long jobId, long afterSeq, LogSink sink, Permit permit) {
        if (jobs.find(jobId).isEmpty()) {
            permit.close();
            throw new JobNotFoundException(jobId);
        }
        LogFollow follow = new LogFollow(jobId, Math.max(0, afterSeq), sink, host, permit);
        if (!running) {
            follow.close();
            return follow;
        }
        // subscribe first, read the store after: a line stored in between is seen twice and sent once
        byJob.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(follow);
        long beat = properties.heartbeat().toMillis();
        follow.heartbeatWith(senders.scheduleAtFixedRate(() -> writers.execute(follow::heartbeat), beat, beat, TimeUnit.MILLISECONDS));
        Job job = job(jobId);
        if (job.finished()) {
            follow.ended(job);
        } else {
            follow.schedule(true);
        }
        return follow;
    }

    void publish(long jobId, List<LogLine> lines) {
        Set<LogFollow> follows = byJob.get(jobId);
        if (follows != null) {
            follows.forEach(f -> f.offer(lines));
        }
    }

    void jobChanged(long jobId) {
        Set<LogFollow> follows = byJob.get(jobId);
        if (follows != null) {
            follows.forEach(LogFollow::changed);
        }
    }

    void jobEnded(Job job) {
        Set<LogFollow> follows = byJob.get(job.id());
        if (follows != null) {
            follows.forEach(f -> f.ended(job));
        }
    }

    /** How many clients follow a job right now. */
    public int followers(long jobId) {
        Set<LogFollow> follows = byJob.get(jobId);
        return follows == null ? 0 : follows.size();
    }

    void unsubscribe(LogFollow follow) {
        byJob.computeIfPresent(follow.jobId(), (k, set) -> {
            set.remove(follow);
            return set.isEmpty() ? null : set;
        });
    }

    Job job(long jobId) {
        return jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byJob.values().forEach(set -> set.forEach(LogFollow::close));
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stopping is the console's shutdown (running jobs are interrupted, the threads end), so a pause of the context,
     * as Spring's test context cache makes between test classes, must not stop this.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** After the runner (which interrupts jobs), before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
