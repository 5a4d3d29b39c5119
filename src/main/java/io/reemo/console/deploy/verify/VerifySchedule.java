package io.reemo.console.deploy.verify;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.VerifyResults;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Jobs;
import io.reemo.console.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * {@code console.verify.interval}: every interval, a {@code verify} job on each installed environment (one an install
 * succeeded on, or verified before) on which no job is queued or running. Off unless the interval is set.
 */
@Component
class VerifySchedule implements SmartLifecycle {

    /**
     * Who the jobs are started by, as the job history shows it: the setting that asked for them, with an operator's
     * role (verify is an operator's job, and the launcher checks the role of every starter).
     */
    static final Authentication STARTER = UsernamePasswordAuthenticationToken.authenticated("console.verify.interval", null,
            List.of(new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR)));
    private static final Logger log = LoggerFactory.getLogger(VerifySchedule.class);

    private final VerifyProperties properties;
    private final TaskScheduler scheduler;
    private final Environments environments;
    private final Jobs jobs;
    private final VerifyResults results;
    private final JobLauncher launcher;
    private ScheduledFuture<?> task;

    VerifySchedule(VerifyProperties properties, TaskScheduler scheduler, Environments environments, Jobs jobs,
                   VerifyResults results, JobLauncher launcher) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.environments = environments;
        this.jobs = jobs;
        this.results = results;
        this.launcher = launcher;
    }

    /** One round: a verify job on every installed environment that is idle now. */
    void verifyIdleEnvironments() {
        for (Environment environment : environments.list()) {
            long id = environment.id();
            if (!installed(id) || jobs.anyUnfinished(id)) {
                continue;
            }
            try {
                launcher.start(id, new VerifyParameters(), STARTER);
            } catch (RuntimeException e) {
                // a job started in between, or the environment lost its nodes: the next round tries again
                log.warn("Scheduled verify of environment {} ({}) not started: {}", id, environment.name(), e.getMessage());
            }
        }
    }

    private boolean installed(long environmentId) {
        return results.last(environmentId).isPresent()
                || jobs.hasSucceeded(environmentId, "install");
    }

    @Override
    public synchronized void start() {
        if (properties.scheduled() && task == null) {
            log.info("A verify job runs every {} on each installed environment (console.verify.interval)", properties.interval());
            task = scheduler.scheduleWithFixedDelay(this::verifyIdleEnvironments, Instant.now().plus(properties.interval()),
                    properties.interval());
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }
}
