package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.DeploymentRecords.VersionChange;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRowTest {

    @Test
    void aNodeWithSeveralTasksOfAServiceIsNamedOnceWithTheirCount() {
        ServiceStatus api = new ServiceStatus("reemo_api", "r/reemoinfraapi:2.13.10", 4, 4, false,
                List.of("node1", "node2", "node3", "node3"), List.of("2.13.10"), null, "", "");
        ServiceRow row = new ServiceRow(api, "2.13.10", null, "", Level.OK, "");
        assertThat(row.placement()).isEqualTo("node1, node2, node3 ×2");
        assertThat(row.replicas()).isEqualTo("4/4");
        assertThat(api.version()).isEqualTo("2.13.10");
    }

    @Test
    void aChangeFromTheDefaultVersionSaysSo() {
        VersionChange change = new VersionChange(1, 2, "DOCKER_VERSION_API", null, "2.14.0", null);
        assertThat(new ServiceRow(service("r/reemoinfraapi:2.14.0"), "2.14.0", change, "succeeded", Level.OK, "").change())
                .isEqualTo("default version → 2.14.0");
    }

    @Test
    void theVersionIsTheTagOfTheImageEvenWithARegistryPortOrADigest() {
        assertThat(service("10.199.0.100:5000/bed/reemoinfraapi:2.14.0@sha256:abc").version()).isEqualTo("2.14.0");
        assertThat(service("10.199.0.100:5000/bed/reemoinfraapi").version()).isEqualTo("latest");
    }

    private static ServiceStatus service(String image) {
        return new ServiceStatus("reemo_api", image, 1, 1, false, List.of(), List.of(), null, "", "");
    }
}
