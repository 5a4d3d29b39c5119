package io.reemo.console.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A job this console is executing: its cancel state, cancel hooks and shared resources. */
final class RunningJob {

    private static final Logger log = LoggerFactory.getLogger(RunningJob.class);

    final long id;
    final JobRequest request;
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final Map<String, FutureTask<AutoCloseable>> shared = new ConcurrentHashMap<>();
    private volatile boolean cancelled;
    private volatile boolean interrupted;

    RunningJob(long id, JobRequest request) {
        this.id = id;
        this.request = request;
    }

    boolean cancelled() {
        return cancelled || interrupted;
    }

    boolean interrupted() {
        return interrupted;
    }

    void cancel() {
        stop(false);
    }

    /** The console is stopping: stop like a cancel, but the job ends interrupted. */
    void interrupt() {
        stop(true);
    }

    private synchronized void stop(boolean byShutdown) {
        boolean first = !cancelled();
        if (byShutdown) {
            interrupted = true;
        } else {
            cancelled = true;
        }
        if (first) {
            cancelHooks.forEach(RunningJob::runQuietly);
        }
    }

    synchronized void onCancel(Runnable hook) {
        if (cancelled()) {
            runQuietly(hook);
        } else {
            cancelHooks.add(hook);
        }
    }

    @SuppressWarnings("unchecked")
    <T extends AutoCloseable> T shared(String key, Callable<T> opener) throws Exception {
        FutureTask<AutoCloseable> task = new FutureTask<>((Callable<AutoCloseable>) opener);
        FutureTask<AutoCloseable> existing = shared.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return (T) existing.get();
        } catch (ExecutionException e) {
            shared.remove(key, existing);
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    void closeResources() {
        shared.values().forEach(task -> {
            try {
                if (task.isDone() && !task.isCancelled()) {
                    task.get().close();
                }
            } catch (Exception e) {
                log.debug("Closing a resource of job {} failed: {}", id, e.getMessage());
            }
        });
        shared.clear();
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            log.warn("A cancel hook failed: {}", e.getMessage());
        }
    }
}
