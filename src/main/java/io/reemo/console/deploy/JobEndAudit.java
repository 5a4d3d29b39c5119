package io.reemo.console.deploy;

import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobEnded;
import io.reemo.console.security.AuditLog;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The end of every job in the audit trail, under the user who started it, so that the trail holds a job from its start
 * ({@link JobLauncher}) to its outcome.
 */
@Component
class JobEndAudit {

    private final AuditLog audit;
    private final Environments environments;

    JobEndAudit(AuditLog audit, Environments environments) {
        this.audit = audit;
        this.environments = environments;
    }

    @EventListener
    void ended(JobEnded ended) {
        Job job = ended.job();
        String took = job.startedAt() == null || job.finishedAt() == null ? ""
                : " after " + Duration.between(job.startedAt(), job.finishedAt()).toSeconds() + " s";
        audit.recordAs(job.startedBy(), "job.end", target(job.environmentId()), "job " + job.id() + " " + job.type() + " "
                + job.status().value() + took + (job.message() == null ? "" : ": " + job.message()));
    }

    private String target(long environmentId) {
        try {
            return AuditLog.environmentTarget(environmentId, environments.get(environmentId).name());
        } catch (EnvironmentNotFoundException gone) {
            return AuditLog.environmentTarget(environmentId, "deleted");
        }
    }
}
