package io.reemo.console.environment;

import java.util.List;

/** The three shapes of a Reemo Infra platform the console installs. */
public enum Topology {
    /** One server in {@code infra_manager}. */
    SINGLE,
    /** Several managers in one {@code infra_manager} Swarm (3 in the vendor's examples). */
    CLUSTER,
    /** Separate Swarms: {@code api_manager}, and {@code portaluser_manager} / {@code portaladmin_manager} under {@code portal_manager}. */
    DEDICATED;

    /** The topology the clusters describe: infra_manager with one node (single) or more (cluster), else dedicated. */
    public static Topology of(List<Cluster> clusters) {
        return clusters.stream().filter(c -> c.group().equals(Cluster.INFRA)).findFirst()
                .map(infra -> infra.nodes().size() > 1 ? CLUSTER : SINGLE)
                .orElse(DEDICATED);
    }
}
