package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void aVariableIsSetWhereTheClusterReadsIt() {
        Environment dedicated = Fixtures.dedicated();
        Environment inAll = dedicated.withVariableAsRead(Cluster.API, "DOCKER_VERSION_API", "2.14.0");
        assertThat(inAll.vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");

        Environment inGroup = Fixtures.withGroup(dedicated, Cluster.API, "DOCKER_VERSION_API", "2.14.1-broken")
                .withVariableAsRead(Cluster.API, "DOCKER_VERSION_API", "2.14.0");
        assertThat(inGroup.cluster(Cluster.API).orElseThrow().vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");
        assertThat(inGroup.vars()).doesNotContainKey("DOCKER_VERSION_API");

        Environment withParent = new Environment(null, "d", dedicated.topology(), dedicated.vars(), dedicated.clusters().stream()
                .map(c -> c.parentGroup() == null ? c : new Cluster(c.group(), c.parentGroup(), Map.of("DOCKER_VERSION_PORTAL", "2.13.12"),
                        c.vars(), c.nodes())).toList());
        Environment inParent = withParent.withVariableAsRead(Cluster.PORTAL_USER, "DOCKER_VERSION_PORTAL", "2.13.11");
        assertThat(inParent.clusters()).filteredOn(c -> Cluster.PORTAL.equals(c.parentGroup()))
                .hasSize(2).allSatisfy(c -> assertThat(c.parentVars()).containsEntry("DOCKER_VERSION_PORTAL", "2.13.11"));
        assertThat(inParent.vars()).doesNotContainKey("DOCKER_VERSION_PORTAL");
    }
}
