package io.reemo.console.deploy.facts;

import io.reemo.console.environment.NodeFacts;
import java.time.Instant;
import java.util.Map;

/** Turns the {@code key=value} lines of the facts script into {@link NodeFacts}. */
final class NodeFactsParser {

    /** Prints one {@code key=value} per line; every probe tolerates a missing tool. */
    static final String SCRIPT = """
            . /etc/os-release 2>/dev/null
            echo "hostname=$(hostname)"
            echo "os=${ID:-unknown}"
            echo "os_version=${VERSION_ID:-unknown}"
            echo "os_name=${PRETTY_NAME:-unknown}"
            echo "cpus=$(nproc)"
            echo "memory_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
            disk=/; [ -d /var/lib/docker ] && disk=/var/lib/docker
            echo "disk_path=$disk"
            echo "disk_free_kb=$(df -Pk "$disk" | awk 'NR==2 {print $4}')"
            if ! command -v docker >/dev/null 2>&1; then
              echo "docker=absent"
            elif version=$(docker version --format '{{.Server.Version}}' 2>/dev/null); then
              echo "docker_version=$version"
              docker info --format 'swarm_state={{.Swarm.LocalNodeState}}{{println}}swarm_manager={{.Swarm.ControlAvailable}}{{println}}swarm_cluster={{if .Swarm.Cluster}}{{.Swarm.Cluster.ID}}{{end}}'
            else
              echo "docker=unreachable"
            fi
            exit 0
            """;

    private NodeFactsParser() {
    }

    static NodeFacts parse(Map<String, String> found, Instant at) {
        String swarmState = blankToNull(found.get("swarm_state"));
        String role = swarmState == null || !swarmState.equals("active") ? null
                : "true".equals(found.get("swarm_manager")) ? "manager" : "worker";
        return new NodeFacts(at, found.get("hostname"), found.get("os"), found.get("os_version"), (int) number(found, "cpus"),
                number(found, "memory_kb") / 1024, number(found, "disk_free_kb") / (1024 * 1024),
                blankToNull(found.get("docker_version")), swarmState, role, blankToNull(found.get("swarm_cluster")));
    }

    /** One line for the log: what the node is. */
    static String summary(NodeFacts facts, Map<String, String> found) {
        String docker = facts.dockerVersion() != null ? "Docker " + facts.dockerVersion() + ", Swarm " + facts.swarmState()
                + (facts.swarmRole() == null ? "" : " (" + facts.swarmRole() + ")")
                : "absent".equals(found.get("docker")) ? "no Docker installed" : "Docker installed but its daemon does not answer";
        return "Facts: " + found.getOrDefault("os_name", facts.os()) + ", " + facts.cpus() + " CPU(s), " + facts.memoryMb() + " MB RAM, "
                + facts.diskFreeGb() + " GB free on " + found.getOrDefault("disk_path", "/") + ", " + docker + ".";
    }

    /** Records a {@code key=value} line; other lines are ignored. */
    static void take(String line, Map<String, String> found) {
        int equals = line.indexOf('=');
        if (equals > 0) {
            found.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
    }

    private static long number(Map<String, String> found, String key) {
        try {
            return Long.parseLong(found.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
