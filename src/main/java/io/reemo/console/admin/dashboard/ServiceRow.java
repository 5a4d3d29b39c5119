package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.DeploymentRecords.VersionChange;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One service on the dashboard: its replicas and placement as Swarm reports them, and the console's last version
 * change of it with that job's result.
 *
 * @param lastChange       {@code null} when the console never changed its version (it runs what the install set)
 * @param lastChangeResult the status of the job that made {@code lastChange}, e.g. {@code succeeded}
 * @param note             why the replica count is what it is when that is normal (reemo_db), else empty
 */
record ServiceRow(ServiceStatus swarm, VersionChange lastChange, String lastChangeResult, Level level, String note) {

    public String replicas() {
        return swarm.running() + "/" + swarm.desired() + (swarm.global() ? " (global)" : "");
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
