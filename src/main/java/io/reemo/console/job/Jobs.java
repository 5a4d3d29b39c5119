package io.reemo.console.job;

import io.reemo.console.secrets.SecretMasker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts, runs, cancels and lists jobs. A job's steps run in order; each step runs on its nodes at
 * once on a bounded pool. At most one changing job per environment runs at a time; read-only jobs
 * run beside it. A console that stops interrupts its jobs, and jobs a crashed console left behind
 * are marked interrupted on the next start.
 */
@Service
public class Jobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final JobStore store;
    private final LogStore logStore;
    private final LogWriter writer;
    private final LogFollowers followers;
    private final JsonMapper json;
    private final SecretMasker masker;
    private final ThreadPoolExecutor jobThreads;
    private final ThreadPoolExecutor nodeThreads;
    private final JobRunner runner;
    private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
    /** environment id → the changing job holding it; guarded by {@code this}. */
    private final Map<Long, Long> changing = new HashMap<>();
    private final JobsProperties properties;
    private volatile boolean accepting = true;
    private volatile boolean lifecycleRunning;

    Jobs(JobStore store, LogStore logStore, LogWriter writer, LogFollowers followers, JsonMapper json, SecretMasker masker,
         JobsProperties properties, ApplicationEventPublisher events) {
        this.store = store;
        this.logStore = logStore;
        this.writer = writer;
        this.followers = followers;
        this.json = json;
        this.masker = masker;
        this.properties = properties;
        this.jobThreads = pool("job-", properties.maxRunningJobs());
        this.nodeThreads = pool("job-node-", properties.maxParallelNodes());
        this.runner = new JobRunner(store, writer, followers, nodeThreads, events);
        markLeftoversInterrupted();
    }

    /**
     * Stores the job as queued and starts it; returns at once.
     *
     * @throws JobConflictException when the job changes an environment that another changing job holds
     * @throws TooManyJobsException when the user, or everyone, has as many jobs queued or running as allowed
     */
    public Job start(JobRequest request) {
        return start(request, id -> {
        });
    }

    /**
     * As {@link #start(JobRequest)}, with {@code inTransaction} run on the job's id in the transaction that stores the
     * job, before the job is handed to its thread (the caller's audit record): when it throws, no job is stored or run.
     */
    public synchronized Job start(JobRequest request, LongConsumer inTransaction) {
        if (!accepting) {
            throw new JobConflictException("The console is shutting down; start the job again once it is back.", null);
        }
        if (request.changing()) {
            requireIdle(request.environmentId(), "Only one job that changes an environment runs at a time");
        }
        requireRoomFor(request.startedBy());
        String parameters = masker.mask(json.writeValueAsString(request.parameters()));
        long id = store.insert(request, parameters, Instant.now(), inTransaction);
        if (request.changing()) {
            changing.put(request.environmentId(), id);
        }
        RunningJob job = new RunningJob(id, request);
        running.put(id, job);
        writer.open(id, 0);
        jobThreads.execute(() -> runner.run(job, this::release));
        return get(id);
    }

    /** Checked before the job is stored: a refused job leaves no trace but the caller's error. */
    private void requireRoomFor(String user) {
        long mine = running.values().stream().filter(job -> job.request.startedBy().equals(user)).count();
        if (mine >= properties.maxUnfinishedJobsPerUser()) {
            throw new TooManyJobsException(user + " has " + mine + " jobs queued or running, as many as one user may: "
                    + "wait for one to end (or cancel one), then start this one again.");
        }
        if (running.size() >= properties.maxUnfinishedJobs()) {
            throw new TooManyJobsException("The console has " + running.size() + " jobs queued or running, as many as it "
                    + "takes at once: wait for some to end, then start this one again.");
        }
    }

    /**
     * @param why the sentence that says why the caller waits, e.g. "Settings are applied once it ended"
     * @throws JobConflictException naming the changing job that holds the environment, if one does
     */
    public void requireIdle(long environmentId, String why) {
        changingJobOn(environmentId).ifPresent(other -> {
            throw new JobConflictException("Environment " + environmentId + " is busy: job " + other.id() + " ("
                    + other.type() + ", started by " + other.startedBy() + ") is " + other.status().value()
                    + ". " + why + "; wait for it or cancel it.", other.id());
        });
    }

    public Job get(long id) {
        return store.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public List<Job> history(JobQuery query) {
        return store.list(query);
    }

    /** Whether a job of this type ever succeeded on the environment ({@code install}: whether it was ever installed). */
    public boolean hasSucceeded(long environmentId, String type) {
        return !history(new JobQuery(environmentId, JobStatus.SUCCEEDED, type, 1)).isEmpty();
    }

    /** The newest job of the environment in which a step of this name ran to its end (succeeded or failed), with its steps. */
    public Optional<Job> lastWithFinishedStep(long environmentId, String step) {
        return store.lastWithFinishedStep(environmentId, step).flatMap(store::find);
    }

    /** The changing job that holds the environment now, if one does. */
    public Optional<Job> changingJobOn(long environmentId) {
        Long holder;
        synchronized (this) {
            holder = changing.get(environmentId);
        }
        return holder == null ? Optional.empty() : Optional.of(get(holder));
    }

    /** Whether a job of the environment is queued or running, changing or not. */
    public boolean anyUnfinished(long environmentId) {
        return running.values().stream().anyMatch(job -> job.request.environmentId() == environmentId);
    }

    /**
     * Stops the job's remote commands; the job ends cancelled.
     *
     * @throws JobConflictException when the job already ended
     */
    public Job cancel(long id, String requestedBy) {
        RunningJob job = running.get(id);
        if (job == null) {
            Job ended = get(id);
            throw new JobConflictException("Job " + id + " already ended: " + ended.status().value() + ".", null);
        }
        if (!job.cancelled()) {
            appendQuietly(id, "Cancel requested by " + requestedBy + ": stopping the remote commands.");
            job.cancel();
        }
        followers.jobChanged(id);
        return get(id);
    }

    private synchronized void release(RunningJob job) {
        changing.remove(job.request.environmentId(), job.id);
        running.remove(job.id);
    }

    private void appendQuietly(long id, String text) {
        try {
            writer.append(id, Step.JOB, Step.CONSOLE, LogChannel.SYSTEM, text);
        } catch (IllegalStateException justEnded) {
            // the job ended between the check and this line: nothing left to say
        }
    }

    /** Jobs a console left queued or running when it stopped without finishing them end as interrupted, with a line saying so. */
    private void markLeftoversInterrupted() {
        Instant now = Instant.now();
        List<Long> ids = store.interruptUnfinished(now, "The console stopped while the job ran.");
        for (long id : ids) {
            long seq = store.lastSeq(id) + 1;
            logStore.insert(List.of(new LogStore.Stored(id, new LogLine(seq, now, Step.JOB, Step.CONSOLE, LogChannel.SYSTEM,
                    "The console stopped while this job ran: it is marked interrupted. Check the servers before running it again."))));
            store.setLastSeq(id, seq);
        }
        if (!ids.isEmpty()) {
            log.warn("Marked {} job(s) interrupted that the last console run left unfinished: {}", ids.size(), ids);
        }
    }

    @Override
    public void start() {
        lifecycleRunning = true;
    }

    /** Interrupts running jobs (their remote commands are stopped) and waits for them to record it. */
    @Override
    public void stop() {
        accepting = false;
        running.values().forEach(job -> {
            appendQuietly(job.id, "The console is stopping: the job is interrupted.");
            job.interrupt();
        });
        jobThreads.shutdown();
        try {
            if (!jobThreads.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Jobs {} did not stop within {}; they will be marked interrupted on the next start", running.keySet(), STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nodeThreads.shutdownNow();
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /**
     * Stopping is the console's shutdown (running jobs are interrupted, the threads end), so a pause of the context,
     * as Spring's test context cache makes between test classes, must not stop this.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Stops first: before the live streams close and before the web server shuts down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static ThreadPoolExecutor pool(String prefix, int size) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
