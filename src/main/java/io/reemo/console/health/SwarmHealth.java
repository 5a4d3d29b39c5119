package io.reemo.console.health;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.node.ViewerSessions.Served;
import io.reemo.console.node.ViewerSessions;
import io.reemo.console.swarm.SwarmReader;
import io.reemo.console.swarm.SwarmStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads each cluster's Swarm for the viewers through the cluster's shared session ({@link ViewerSessions}): a read is
 * three Docker calls on a connection kept open between reads. A node that does not answer is named with the reason.
 */
@Component
public class SwarmHealth {

    private final ViewerSessions sessions;

    SwarmHealth(ViewerSessions sessions) {
        this.sessions = sessions;
    }

    public ClusterState read(Environment environment, Cluster cluster) {
        Served<Optional<SwarmStatus>> served = sessions.read(ViewerSessions.clusterGroup(environment, cluster), cluster.nodes(),
                session -> SwarmReader.ifFormed(session.docker(), SwarmStatus::read));
        if (served.node() == null) {
            return ClusterState.unread(cluster.group(), null, served.unreachable(), cluster.nodes().isEmpty()
                    ? "The cluster has no nodes yet." : "No node of the cluster answered over SSH and Docker.");
        }
        String node = served.node().name();
        return served.answer()
                .map(swarm -> ClusterState.read(cluster.group(), node, swarm, served.unreachable()))
                .orElseGet(() -> ClusterState.unread(cluster.group(), node, served.unreachable(),
                        "No Swarm on " + node + " yet: the install forms it."));
    }
}
