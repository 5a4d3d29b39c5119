package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploySupportTest {

    @Test
    void anUpdatesVersionReachesEveryClusterAlsoOneThatOverridesIt() {
        Environment overridden = Fixtures.withGroup(Fixtures.dedicated(), Cluster.API, "DOCKER_VERSION_API", "2.13.10");

        Environment updated = DeploySupport.withVersions(overridden, Map.of("DOCKER_VERSION_API", "2.14.0"));

        assertThat(updated.vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");
        assertThat(updated.cluster(Cluster.API).orElseThrow().vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");
        assertThat(updated.cluster(Cluster.PORTAL_USER).orElseThrow().vars()).doesNotContainKey("DOCKER_VERSION_API");
    }
}
