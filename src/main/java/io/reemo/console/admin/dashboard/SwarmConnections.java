package io.reemo.console.admin.dashboard;

import com.github.dockerjava.api.model.LocalNodeState;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.ssh.SshConnection;
import io.reemo.console.ssh.SshConnector;
import io.reemo.console.ssh.SshTarget;
import io.reemo.console.swarm.DockerOverSsh;
import io.reemo.console.swarm.SwarmStatus;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads each cluster's Swarm for the dashboard through one SSH connection and Docker bridge per cluster, kept open
 * between reads (a read is then three Docker calls, no SSH handshake) and closed once no viewer asked for a while.
 * The first node that answers serves; a failing connection is dropped and the nodes are tried again in order.
 * Reads of one cluster never overlap: {@link DashboardSnapshots} refreshes an environment one read at a time.
 */
@Component
class SwarmConnections {

    private record Open(Node node, SshConnection ssh, DockerOverSsh docker, Instant lastUsed) {

        Open used() {
            return new Open(node, ssh, docker, Instant.now());
        }

        void close() {
            docker.close();
            ssh.close();
        }
    }

    private final SshConnector connector;
    private final DashboardProperties properties;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    SwarmConnections(SshConnector connector, DashboardProperties properties) {
        this.connector = connector;
        this.properties = properties;
    }

    ClusterState read(Environment environment, Cluster cluster) {
        String key = environment.id() + "/" + cluster.group();
        Map<String, String> unreachable = new LinkedHashMap<>();
        Open current = open.get(key);
        if (current != null && cluster.nodes().contains(current.node())) {
            try {
                SwarmStatus swarm = SwarmStatus.read(current.docker().docker());
                open.replace(key, current, current.used());
                return ClusterState.read(cluster.group(), current.node().name(), swarm, unreachable);
            } catch (RuntimeException dropped) {
                // the node or its Docker went away since the last read: connect afresh below, first node first
            }
        }
        close(key);
        for (Node node : cluster.nodes()) {
            if (node.hostKeySha256() == null) {
                unreachable.put(node.name(), "its host key is not pinned yet, and the console connects to pinned nodes only");
                continue;
            }
            Open fresh;
            try {
                fresh = connect(node);
            } catch (RuntimeException e) {
                unreachable.put(node.name(), e.getMessage());
                continue;
            }
            try {
                if (!swarmActive(fresh)) {
                    fresh.close();
                    return ClusterState.unread(cluster.group(), node.name(), unreachable,
                            "No Swarm on " + node.name() + " yet: the install forms it.");
                }
                SwarmStatus swarm = SwarmStatus.read(fresh.docker().docker());
                open.put(key, fresh);
                return ClusterState.read(cluster.group(), node.name(), swarm, unreachable);
            } catch (RuntimeException e) {
                fresh.close();
                unreachable.put(node.name(), e.getMessage());
            }
        }
        return ClusterState.unread(cluster.group(), null, unreachable, cluster.nodes().isEmpty()
                ? "The cluster has no nodes yet." : "No node of the cluster answered over SSH and Docker.");
    }

    private Open connect(Node node) {
        SshConnection ssh = connector.connect(SshTarget.of(node));
        try {
            return new Open(node, ssh, DockerOverSsh.open(ssh.client(), node.name()), Instant.now());
        } catch (RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    private static boolean swarmActive(Open connection) {
        var swarm = connection.docker().docker().infoCmd().exec().getSwarm();
        return swarm != null && swarm.getLocalNodeState() == LocalNodeState.ACTIVE;
    }

    @Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void closeIdle() {
        Instant limit = Instant.now().minus(properties.idleClose());
        open.forEach((key, connection) -> {
            if (connection.lastUsed().isBefore(limit)) {
                close(key);
            }
        });
    }

    private void close(String key) {
        Open connection = open.remove(key);
        if (connection != null) {
            connection.close();
        }
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }
}
