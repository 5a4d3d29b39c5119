package io.reemo.console.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Executes one job: its steps in order, each step on all its nodes at once on the shared node pool,
 * recording every state change and telling the followers about it.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration STORE_WAIT = Duration.ofSeconds(60);

    private final JobStore store;
    private final LogWriter writer;
    private final LogFollowers followers;
    private final ExecutorService nodeThreads;
    private final ApplicationEventPublisher events;

    JobRunner(JobStore store, LogWriter writer, LogFollowers followers, ExecutorService nodeThreads, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.writer = writer;
        this.followers = followers;
        this.nodeThreads = nodeThreads;
    }

    /** Runs the job to its end on the calling thread; {@code onEnd} releases what the job held, before followers hear of the end. */
    void run(RunningJob job, Consumer<RunningJob> onEnd) {
        long started = System.nanoTime();
        JobStatus outcome = JobStatus.SUCCEEDED;
        String message = null;
        try {
            if (job.cancelled()) {
                store.markRemaining(job.id, 0, StepStatus.CANCELLED);
                outcome = stoppedStatus(job);
                message = stoppedMessage(job);
                return;
            }
            store.markRunning(job.id, Instant.now());
            followers.jobChanged(job.id);
            JobRequest request = job.request;
            system(job, "Job " + job.id + " (" + request.type() + ") started by " + request.startedBy() + ".");
            for (int i = 0; i < request.steps().size(); i++) {
                if (job.cancelled()) {
                    store.markRemaining(job.id, i, StepStatus.CANCELLED);
                    outcome = stoppedStatus(job);
                    message = stoppedMessage(job);
                    break;
                }
                String failure = runStep(job, i, request.steps().get(i));
                if (failure != null) {
                    outcome = job.cancelled() ? stoppedStatus(job) : JobStatus.FAILED;
                    message = job.cancelled() ? stoppedMessage(job) : failure;
                    store.markRemaining(job.id, i + 1, job.cancelled() ? StepStatus.CANCELLED : StepStatus.SKIPPED);
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("Job {} broke down", job.id, e);
            outcome = JobStatus.FAILED;
            message = "The console could not go on with the job: " + e.getMessage();
        } finally {
            finish(job, outcome, message, started, onEnd);
        }
    }

    /** Runs a step on all its nodes at once; returns why it failed, or {@code null}. */
    private String runStep(RunningJob job, int index, Step step) {
        store.markStep(job.id, index, StepStatus.RUNNING, Instant.now());
        followers.jobChanged(job.id);
        int total = job.request.steps().size();
        writer.append(job.id, step.name(), Step.CONSOLE, LogChannel.SYSTEM,
                "Step " + (index + 1) + "/" + total + " '" + step.name() + "' on " + String.join(", ", step.nodes()) + ".");
        List<Future<StepStatus>> results = new ArrayList<>();
        for (String node : step.nodes()) {
            results.add(nodeThreads.submit(() -> runNode(job, index, step, node)));
        }
        List<String> failed = new ArrayList<>();
        boolean stopped = false;
        for (int i = 0; i < results.size(); i++) {
            StepStatus status = await(job, results.get(i));
            if (status == StepStatus.FAILED) {
                failed.add(step.nodes().get(i));
            } else if (status != StepStatus.SUCCEEDED) {
                stopped = true;
            }
        }
        StepStatus status = failed.isEmpty() && !stopped ? StepStatus.SUCCEEDED
                : job.cancelled() ? stepStopped(job) : StepStatus.FAILED;
        store.markStep(job.id, index, status, Instant.now());
        followers.jobChanged(job.id);
        if (status == StepStatus.SUCCEEDED) {
            return null;
        }
        return failed.isEmpty() ? "Step '" + step.name() + "' stopped."
                : "Step '" + step.name() + "' failed on " + String.join(", ", failed) + ".";
    }

    private StepStatus await(RunningJob job, Future<StepStatus> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.interrupt();
            return StepStatus.INTERRUPTED;
        } catch (ExecutionException e) {
            log.error("A node run of job {} broke down", job.id, e.getCause());
            return StepStatus.FAILED;
        }
    }

    private StepStatus runNode(RunningJob job, int index, Step step, String node) {
        NodeRunContext run = new NodeRunContext(job, step.name(), node, writer);
        if (job.cancelled()) {
            store.markNodeFinished(job.id, index, node, stepStopped(job), null, stoppedMessage(job), Instant.now());
            return stepStopped(job);
        }
        store.markNodeStarted(job.id, index, node, Instant.now());
        followers.jobChanged(job.id);
        long started = System.nanoTime();
        Integer exitCode = null;
        String message = null;
        StepStatus status;
        try {
            exitCode = step.work().run(run);
            status = exitCode == 0 ? StepStatus.SUCCEEDED : StepStatus.FAILED;
            message = exitCode == 0 ? null : "exit code " + exitCode;
        } catch (Exception e) {
            status = StepStatus.FAILED;
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            run.system("Error: " + message);
        }
        if (status != StepStatus.SUCCEEDED && job.cancelled()) {
            status = stepStopped(job);
            message = stoppedMessage(job);
        }
        run.system(status.value().substring(0, 1).toUpperCase(Locale.ROOT) + status.value().substring(1)
                + (exitCode == null ? "" : " with exit code " + exitCode) + " after " + seconds(started) + ".");
        store.markNodeFinished(job.id, index, node, status, exitCode, message, Instant.now());
        followers.jobChanged(job.id);
        return status;
    }

    private void finish(RunningJob job, JobStatus outcome, String message, long started, Consumer<RunningJob> onEnd) {
        try {
            job.closeResources();
            system(job, "Job " + outcome.value() + " after " + seconds(started) + (message == null ? "." : ": " + message));
            long last = writer.lastAssigned(job.id);
            if (!writer.awaitStored(job.id, last, STORE_WAIT)) {
                log.warn("Job {}: its log was not fully stored within {}", job.id, STORE_WAIT);
            }
            store.markFinished(job.id, outcome, Instant.now(), message, last);
        } finally {
            onEnd.accept(job);
            writer.close(job.id);
            Job ended = store.find(job.id).orElseThrow(() -> new JobNotFoundException(job.id));
            followers.jobEnded(ended);
            announce(ended);
        }
    }

    /** What listens to a job's end (its audit record) runs here, and cannot break the job thread. */
    private void announce(Job ended) {
        try {
            events.publishEvent(new JobEnded(ended));
        } catch (RuntimeException e) {
            log.warn("Job {}: a listener of its end failed", ended.id(), e);
        }
    }

    private void system(RunningJob job, String text) {
        writer.append(job.id, Step.JOB, Step.CONSOLE, LogChannel.SYSTEM, text);
    }

    private static JobStatus stoppedStatus(RunningJob job) {
        return job.interrupted() ? JobStatus.INTERRUPTED : JobStatus.CANCELLED;
    }

    private static StepStatus stepStopped(RunningJob job) {
        return job.interrupted() ? StepStatus.INTERRUPTED : StepStatus.CANCELLED;
    }

    private static String stoppedMessage(RunningJob job) {
        return job.interrupted() ? "The console stopped while the job ran." : "Cancelled.";
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
