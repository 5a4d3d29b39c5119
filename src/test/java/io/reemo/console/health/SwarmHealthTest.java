package io.reemo.console.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.node.NodeFixtures;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.node.SshException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a node that answers, the cluster is unread and each node says why; nothing throws. */
class SwarmHealthTest {

    private final NodeSessions connector = mock(NodeSessions.class);
    private final SwarmHealth swarms = new SwarmHealth(NodeFixtures.viewerSessions(connector));

    @Test
    void nodesWithoutAPinnedHostKeyAreNeverContacted() {
        Environment environment = Fixtures.cluster().withId(3L);

        ClusterState state = swarms.read(environment, environment.clusters().get(0));

        verify(connector, never()).open(any());
        assertThat(state.swarm()).isNull();
        assertThat(state.problem()).isEqualTo("No node of the cluster answered over SSH and Docker.");
        assertThat(state.unreachable()).containsOnlyKeys("infra1", "infra2", "infra3")
                .containsEntry("infra1", "its host key is not pinned yet, and the console connects to pinned nodes only");
    }

    @Test
    void eachNodeThatDoesNotAnswerIsNamedWithItsReason() {
        Environment pinned = Fixtures.cluster().withId(3L);
        var cluster = pinned.clusters().get(0);
        var nodes = cluster.nodes().stream().map(n -> n.withHostKey("SHA256:pin")).toList();
        Environment environment = pinned.withClusters(List.of(cluster.withNodes(nodes)));
        when(connector.open(any())).thenThrow(new SshException("infra1", "infra1 (10.0.0.1:22): connection refused", null));

        ClusterState state = swarms.read(environment, environment.clusters().get(0));

        assertThat(state.unreachable()).hasSize(3).containsEntry("infra1", "infra1 (10.0.0.1:22): connection refused");
        assertThat(state.readThrough()).isNull();
    }
}
