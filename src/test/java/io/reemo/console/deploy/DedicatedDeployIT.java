package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Dedicated (DMZ) mode on the bed: a user portal cluster, an admin portal cluster and an API cluster, each its
 * own Swarm, each with its own Traefik; portals and signals on the portal side, the API side on the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=dedicated-it", "console.data-dir=target/test-data/dedicated-deploy"})
class DedicatedDeployIT {

    @LocalServerPort
    int port;

    @Test
    void eachClusterGetsItsOwnSwarmAndItsShareOfTheServices() throws Exception {
        TestBed bed = TestBed.get();
        bed.reset();
        ConsoleClient api = new ConsoleClient(port, "admin", "dedicated-it");
        long id = api.importAndPin("dmz-" + System.nanoTime(), BedInventories.dedicated(bed), bed);

        JsonNode job = api.runJob(id, Map.of("type", "install", "initDb", true), Duration.ofMinutes(6));
        String log = api.log(job);
        assertThat(job.get("status").asString()).as(log).isEqualTo("succeeded");

        assertThat(log.split("initialising the Swarm", -1)).as("three Swarms formed").hasSize(4);
        for (String group : List.of("portaluser_manager", "portaladmin_manager", "api_manager")) {
            assertThat(log).contains(group + ": 1 manager(s)").contains(group + ": Swarm ");
        }
        Map<String, String> user = services(api, id, "node1");
        Map<String, String> admin = services(api, id, "node2");
        Map<String, String> apiSide = services(api, id, "node3");
        assertThat(user).containsOnlyKeys("traefik", "reemo_portal", "reemo_signal1");
        assertThat(admin).containsOnlyKeys("traefik", "reemo_portal", "reemo_signal1");
        assertThat(apiSide).containsOnlyKeys("traefik", "reemo_api", "reemo_apicron", "reemo_apicronlog", "reemo_apicronldap",
                "reemo_proapi", "reemo_prorelayapi", "reemo_db", "reemo_mysql");
        assertThat(apiSide.get("reemo_api")).startsWith("4/4");
        assertThat(BedInventories.fetch("https://10.199.0.1/", "user.bed.test")).contains("portal 2.12.6");
        assertThat(BedInventories.fetch("https://10.199.0.3/api/healthcheck", "anything")).contains("\"status\"");
    }

    /** The services of the Swarm a node belongs to, as {@code docker service ls} there shows them. */
    private static Map<String, String> services(ConsoleClient api, long id, String node) throws InterruptedException {
        JsonNode job = api.runJob(id, Map.of("type", "command", "nodes", List.of(node),
                "command", "docker service ls --format 'svc {{.Name}} {{.Replicas}} {{.Image}}'"), Duration.ofMinutes(1));
        return BedInventories.parseServiceList(api.log(job));
    }
}
