package io.reemo.console.deploy.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.NodeFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeFactsParserTest {

    private static Map<String, String> found(String... lines) {
        Map<String, String> found = new HashMap<>();
        List.of(lines).forEach(line -> NodeFactsParser.take(line, found));
        return found;
    }

    @Test
    void readsAManagerOfAnActiveSwarm() {
        Map<String, String> found = found("hostname=node1", "os=debian", "os_version=12", "os_name=Debian GNU/Linux 12 (bookworm)",
                "cpus=2", "memory_kb=24684152", "disk_path=/var/lib/docker", "disk_free_kb=52428800",
                "docker_version=20.10.24+dfsg1", "swarm_state=active", "swarm_manager=true", "swarm_cluster=abc123", "noise without equals");
        NodeFacts facts = NodeFactsParser.parse(found, Instant.EPOCH);

        assertThat(facts).isEqualTo(new NodeFacts(Instant.EPOCH, "node1", "debian", "12", 2, 24105, 50, "20.10.24+dfsg1",
                "active", "manager", "abc123"));
        assertThat(NodeFactsParser.summary(facts, found))
                .isEqualTo("Facts: Debian GNU/Linux 12 (bookworm), 2 CPU(s), 24105 MB RAM, 50 GB free on /var/lib/docker, "
                        + "Docker 20.10.24+dfsg1, Swarm active (manager).");
    }

    @Test
    void aNodeWithoutDockerHasNoDockerFacts() {
        Map<String, String> found = found("hostname=bare", "os=rocky", "os_version=9.3", "cpus=4", "memory_kb=8000000",
                "disk_path=/", "disk_free_kb=1048576", "docker=absent");
        NodeFacts facts = NodeFactsParser.parse(found, Instant.EPOCH);

        assertThat(facts.dockerVersion()).isNull();
        assertThat(facts.swarmState()).isNull();
        assertThat(facts.swarmRole()).isNull();
        assertThat(facts.diskFreeGb()).isEqualTo(1);
        assertThat(NodeFactsParser.summary(facts, found)).endsWith("no Docker installed.");
    }

    @Test
    void anInactiveSwarmHasNoRole() {
        NodeFacts facts = NodeFactsParser.parse(found("docker_version=24.0.7", "swarm_state=inactive", "swarm_manager=false",
                "swarm_cluster="), Instant.EPOCH);
        assertThat(facts.swarmState()).isEqualTo("inactive");
        assertThat(facts.swarmRole()).isNull();
        assertThat(facts.swarmClusterId()).isNull();
    }
}
