package io.reemo.console.health;

import io.reemo.console.swarm.SwarmStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cluster as the last read saw it.
 *
 * @param readThrough the node whose Docker answered, {@code null} when none did
 * @param swarm       what its Swarm runs, {@code null} when it could not be read
 * @param unreachable node name → why the console could not reach it over SSH or Docker
 * @param problem     why the Swarm could not be read, {@code null} when it was
 */
public record ClusterState(String group, String readThrough, SwarmStatus swarm, Map<String, String> unreachable, String problem) {

    public ClusterState {
        unreachable = Collections.unmodifiableMap(new LinkedHashMap<>(unreachable));
    }

    public static ClusterState read(String group, String node, SwarmStatus swarm, Map<String, String> unreachable) {
        return new ClusterState(group, node, swarm, unreachable, null);
    }

    public static ClusterState unread(String group, String readThrough, Map<String, String> unreachable, String problem) {
        return new ClusterState(group, readThrough, null, unreachable, problem);
    }
}
