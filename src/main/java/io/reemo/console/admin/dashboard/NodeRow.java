package io.reemo.console.admin.dashboard;

import io.reemo.console.environment.NodeFacts;
import io.reemo.console.swarm.SwarmStatus.NodeStatus;

/**
 * One node on the dashboard: how the console reaches it, what its Swarm says of it, and its resources.
 *
 * @param reachability in words: "reachable", "unreachable over SSH: …", "down in the Swarm", …
 * @param swarm        what the Swarm says of it, {@code null} when it is not in the Swarm or the Swarm was not read
 * @param facts        what the last facts job found, {@code null} before any
 */
record NodeRow(String name, String address, String reachability, Level level, NodeStatus swarm, NodeFacts facts) {

    /** Resources in words, from the facts job when there was one, else from what Swarm reports. */
    public String resources() {
        if (facts != null) {
            return facts.cpus() + " CPU · " + gigabytes(facts.memoryMb() * 1024 * 1024) + " GB RAM · " + facts.diskFreeGb() + " GB disk free";
        }
        if (swarm != null && swarm.cpus() > 0) {
            return swarm.cpus() + " CPU · " + gigabytes(swarm.memoryBytes()) + " GB RAM";
        }
        return "not known yet (run a facts job)";
    }

    public String docker() {
        if (swarm != null && !swarm.engineVersion().isEmpty()) {
            return swarm.engineVersion();
        }
        return facts == null || facts.dockerVersion() == null ? "" : facts.dockerVersion();
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }
}
