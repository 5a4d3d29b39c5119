package io.reemo.console.deploy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A version that failed on a service, remembered so that nothing tries it again without the operator asking.
 *
 * @param variable       the version variable that named it, e.g. {@code DOCKER_VERSION_API}
 * @param subject        what the operator calls the service: its update tag ({@code api}), else the service's name
 * @param jobId          the job it failed in
 * @param rolledBack     Swarm rolled the service back
 * @param runningVersion the version its tasks ran afterwards (read from Swarm); {@code null} when the service was gone
 * @param tasks          why, per service and node
 */
public record FailedVersion(String variable, String version, String subject, long jobId, OffsetDateTime at,
                            boolean rolledBack, String runningVersion, List<TaskFailure> tasks) {

    public FailedVersion {
        tasks = List.copyOf(tasks);
    }

    /** {@code api 2.14.1-broken failed (task exited 1 on node2: <its last lines>) and was rolled back to 2.14.0}. */
    public String words() {
        boolean named = tasks.stream().map(TaskFailure::service).distinct().count() > 1;
        String why = tasks.isEmpty() ? "Swarm kept no failed task of it"
                : tasks.stream().map(task -> task.words(named)).collect(Collectors.joining("; "));
        return subject + " " + version + " failed (" + why + ")" + afterwards();
    }

    private String afterwards() {
        if (runningVersion == null) {
            return "; the service is gone";
        }
        if (rolledBack) {
            return " and was rolled back to " + runningVersion;
        }
        return runningVersion.equals(version) ? "" : "; " + runningVersion + " still runs";
    }
}
