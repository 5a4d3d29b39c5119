package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.DeploymentRecords.VersionChange;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One service on the dashboard: its replicas, placement and the version its tasks run as Swarm reports them, the
 * version the console recorded for it, and the console's last version change of it with that job's result.
 *
 * @param recordedVersion  the version the environment's settings give it, {@code null} for a service the catalogue
 *                         does not know
 * @param lastChange       {@code null} when the console never changed its version (it runs what the install set)
 * @param lastChangeResult the status of the job that made {@code lastChange}, e.g. {@code succeeded}
 * @param note             why the replica count is what it is when that is normal (reemo_db), else empty
 */
record ServiceRow(ServiceStatus swarm, String recordedVersion, VersionChange lastChange, String lastChangeResult, Level level,
                  String note) {

    public String replicas() {
        return swarm.running() + "/" + swarm.desired() + (swarm.global() ? " (global)" : "");
    }

    /** What the running tasks run, each version once; when no task runs, what the service's image names. */
    public List<String> runningVersions() {
        return swarm.runningVersions().isEmpty() ? List.of(swarm.version()) : swarm.runningVersions();
    }

    public String version() {
        return String.join(" and ", runningVersions());
    }

    /** What runs is not what the console recorded (a rollback, a hand change, an update under way). */
    public boolean differsFromRecorded() {
        return recordedVersion != null && !runningVersions().equals(List.of(recordedVersion));
    }

    /** The difference with the recorded version in words, for the list of environments. */
    public String mismatch() {
        return swarm.name() + (swarm.runningVersions().isEmpty() ? "'s image is " : " runs ") + version() + ", recorded " + recordedVersion;
    }

    /** What the version cell adds in words, empty when the tasks simply run the service's image. */
    public String versionNote() {
        if (swarm.runningVersions().isEmpty()) {
            return "no task runs";
        }
        if (swarm.runningVersions().size() > 1) {
            return "tasks of both versions run: a rolling update is under way";
        }
        return swarm.runningVersions().get(0).equals(swarm.version()) ? "" : "Swarm is moving it to " + swarm.version();
    }

    /** The console's last version change, {@code before → after}; before is the catalogue's default when the inventory set none. */
    public String change() {
        return lastChange == null ? ""
                : (lastChange.versionBefore() == null ? "default version" : lastChange.versionBefore()) + " → " + lastChange.versionAfter();
    }

    /** When Swarm last changed the service, empty when it does not say. */
    public String updatedAt() {
        return When.utc(swarm.updatedAt());
    }

    /** The nodes the running tasks are on, a node with several of them once with their count, as {@code node1, node3 ×2}. */
    public String placement() {
        Map<String, Long> tasks = swarm.nodes().stream().collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
        return tasks.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }
}
