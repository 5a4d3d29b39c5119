package io.reemo.console.admin.updates;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.DeploymentRecords.VersionChange;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.Jobs;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Past version changes of an environment, newest first, with the job that made each and how it ended. */
@Component
class UpdateHistory {

    private static final int SHOWN = 25;

    private final DeploymentRecords records;
    private final Jobs jobs;
    private final FailedVersions failedVersions;

    UpdateHistory(DeploymentRecords records, Jobs jobs, FailedVersions failedVersions) {
        this.records = records;
        this.jobs = jobs;
        this.failedVersions = failedVersions;
    }

    /**
     * @param before    the version before the change: the recorded one, else the default it ran at
     * @param returnTag the tag to update back to {@code before}; {@code null} unless this is the service's latest
     *                  change and it is still deployed at {@code after}
     * @param failure   why {@code after} failed in this job, or {@code null}
     */
    record Entry(long jobId, String tag, String before, String after, OffsetDateTime at, String startedBy,
                 String status, String returnTag, FailedVersion failure) {
    }

    List<Entry> of(long environmentId, List<VersionRow> rows) {
        Map<Long, Job> updateJobs = jobs.history(new JobQuery(environmentId, null, "update", SHOWN * 4)).stream()
                .collect(Collectors.toMap(Job::id, Function.identity()));
        List<FailedVersion> failures = failedVersions.of(environmentId);
        Set<String> seen = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (VersionChange change : records.versionChanges(environmentId).stream().limit(SHOWN).toList()) {
            VersionRow row = rows.stream().filter(r -> r.variable().equals(change.variable())).findFirst().orElse(null);
            String tag = row != null ? row.tag() : change.variable().replaceFirst("^DOCKER_VERSION_", "").toLowerCase(Locale.ROOT);
            String before = change.versionBefore() != null ? change.versionBefore() : row != null ? row.defaultVersion() : "default";
            boolean latest = seen.add(change.variable());
            boolean returnable = latest && row != null && row.current().equals(change.versionAfter()) && !before.equals(row.current());
            Job job = updateJobs.get(change.jobId());
            FailedVersion failure = failures.stream().filter(f -> f.jobId() == change.jobId() && f.variable().equals(change.variable())
                    && f.version().equals(change.versionAfter())).findFirst().orElse(null);
            entries.add(new Entry(change.jobId(), tag, before, change.versionAfter(), change.at(),
                    job == null ? null : job.startedBy(), job == null ? "unknown" : job.status().value(), returnable ? tag : null, failure));
        }
        return entries;
    }
}
