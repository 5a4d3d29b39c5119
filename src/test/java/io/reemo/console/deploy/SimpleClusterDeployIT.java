package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.LogSilence;
import io.reemo.console.support.SteadyRequests;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole life of a 3-node simple cluster on the real test bed, through the REST API as an operator's
 * script would drive it: import the inventory, pin host keys, install with INIT_DB, plan, updates, rollback,
 * maintenance. The steps build on each other, so they run in order on one environment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=deploy-it", "console.data-dir=target/test-data/simple-cluster-deploy"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimpleClusterDeployIT {

    static final String PORTAL_URL = "portal.bed.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);

    @LocalServerPort
    int port;

    private ConsoleClient api;
    private final TestBed bed = TestBed.get();
    private long environmentId;

    @BeforeAll
    void cleanBedAndImportInventory() {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/simple-cluster-deploy/console.mv.db"));
        bed.reset();
        api = new ConsoleClient(port, "admin", "deploy-it");
        environmentId = api.importAndPin("bed-" + System.nanoTime(), BedInventories.simpleCluster(bed, PORTAL_URL), bed);
    }

    @Test
    @Order(1)
    void installWithInitDbConvergesEveryServiceOfTheCatalogue() throws Exception {
        JsonNode job = runJob(Map.of("type", "install", "initDb", true));

        assertThat(job.get("status").asString()).as(log(job)).isEqualTo("succeeded");
        Map<String, String> services = serviceList();
        assertThat(services).containsOnlyKeys("traefik", "reemo_portal", "reemo_signal1", "reemo_signal2", "reemo_signal3",
                "reemo_api", "reemo_apicron", "reemo_apicronlog", "reemo_apicronldap", "reemo_proapi", "reemo_prorelayapi",
                "reemo_db", "reemo_mysql");
        assertThat(services.get("reemo_api")).startsWith("4/4").contains("reemoinfraapi:2.13.10");
        assertThat(services.get("reemo_portal")).startsWith("2/2");
        assertThat(services.get("reemo_db")).startsWith("0/0");
        assertThat(services.get("traefik")).startsWith("3/3");
        assertThat(log(job)).contains("reemo_db finished: exit code 0").contains("db migration");
        assertThat(nodeOf("reemo_signal2")).isEqualTo("node2");
        assertThat(nodeOf("reemo_mysql")).isEqualTo("node1");
    }

    @Test
    @Order(2)
    void aSecondInstallWithInitDbIsRefused() {
        var refused = api.post("/api/v1/environments/" + environmentId + "/jobs", Map.of("type", "install", "initDb", true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("already initialised").contains("INIT_DB runs once per environment");
    }

    @Test
    @Order(3)
    void reApplyingFindsNothingToChange() throws Exception {
        var plan = api.get("/api/v1/environments/" + environmentId + "/plan");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("changes").size()).as(plan.body()).isZero();

        JsonNode job = runJob(Map.of("type", "install"));
        assertThat(job.get("status").asString()).as(log(job)).isEqualTo("succeeded");
        assertThat(log(job)).contains("infra_manager: nothing to change");
    }

    @Test
    @Order(4)
    void aTaggedApiUpdateChangesOnlyTheApi() throws Exception {
        Map<String, String> before = serviceList();
        JsonNode job = runJob(Map.of("type", "update", "tags", List.of("api"), "versions", Map.of("DOCKER_VERSION_API", "2.14.0")));

        assertThat(job.get("status").asString()).as(log(job)).isEqualTo("succeeded");
        Map<String, String> after = serviceList();
        assertThat(after.get("reemo_api")).contains("reemoinfraapi:2.14.0");
        before.keySet().stream().filter(name -> !name.equals("reemo_api"))
                .forEach(name -> assertThat(after.get(name)).as(name).isEqualTo(before.get(name)));
        assertThat(log(job)).contains("update service reemo_api: image 2.13.10 → 2.14.0").doesNotContain("update service reemo_portal")
                .containsPattern("reemo_api: updating, [0-3]/4 replaced");
        assertNeverSilentOverTwoSeconds(job);
    }

    @Test
    @Order(5)
    void tagsRunInTheMandatoryOrderWhateverTheAskedOrder() throws Exception {
        JsonNode job;
        // users on the portal throughout its update (start-first, issue 17): not one request may fail
        try (SteadyRequests users = new SteadyRequests("https://10.199.0.1/", PORTAL_URL, 20, "portal 2.1")) {
            job = runJob(Map.of("type", "update", "tags", List.of("portal", "db", "api"),
                    "versions", Map.of("DOCKER_VERSION_PORTAL", "2.13.11", "DOCKER_VERSION_DB", "2.14.0")));
            users.close();
            System.out.println("SimpleClusterDeployIT: " + users.sent() + " portal requests during the update, "
                    + users.failures().size() + " failed");
            assertThat(users.sent()).isGreaterThan(100);
            assertThat(users.failures()).as(log(job)).isEmpty();
        }

        assertThat(job.get("status").asString()).as(log(job)).isEqualTo("succeeded");
        List<String> steps = new ArrayList<>();
        job.get("steps").forEach(step -> steps.add(step.get("name").asString()));
        assertThat(steps).containsSubsequence("update db", "database update", "update api", "update portal");
        assertThat(serviceList().get("reemo_portal")).contains("reemoinfraportal:2.13.11");
        assertThat(serviceList().get("reemo_db")).startsWith("0/0").contains("reemoinfradb:2.14.0");
        assertNeverSilentOverTwoSeconds(job);
    }

    @Test
    @Order(6)
    void anUpdateToABrokenImageRollsBack() throws Exception {
        JsonNode job = runJob(Map.of("type", "update", "tags", List.of("api"), "versions", Map.of("DOCKER_VERSION_API", "2.14.1-broken")));

        assertThat(job.get("status").asString()).as(log(job)).isEqualTo("failed");
        assertThat(log(job)).contains("reemo_api: update failed and was rolled back");
        assertThat(serviceList().get("reemo_api")).startsWith("4/4").contains("reemoinfraapi:2.14.0");
        assertThat(log(job)).contains("reemo_api: rolling back");
        assertNeverSilentOverTwoSeconds(job);
    }

    @Test
    @Order(7)
    void maintenanceOnShowsTheMaintenancePageAndOffRestoresThePortal() throws Exception {
        assertThat(portalPage()).contains("portal 2.13.11");

        JsonNode on = runJob(Map.of("type", "maintenance", "enable", true));
        assertThat(on.get("status").asString()).as(log(on)).isEqualTo("succeeded");
        assertThat(portalPage()).contains("Maintenance");
        assertThat(log(on)).as("its last step proves it through every node").contains("portal https://" + PORTAL_URL
                + "/ through node2 (10.199.0.2): HTTP 200 (text/html), the maintenance page");
        assertThat(serviceList().get("reemo_api")).contains("reemoinfraapi:2.14.0");

        JsonNode off = runJob(Map.of("type", "maintenance", "enable", false));
        assertThat(off.get("status").asString()).as(log(off)).isEqualTo("succeeded");
        assertThat(portalPage()).contains("portal 2.13.11");
        assertThat(log(off)).contains("portal https://" + PORTAL_URL + "/ through node2 (10.199.0.2): HTTP 200 (text/html), the portal's page");
        assertThat(serviceList()).doesNotContainKey("reemo_maintenance");
        assertNeverSilentOverTwoSeconds(on);
        assertNeverSilentOverTwoSeconds(off);
        // where a toggle's time goes, for the speed work: each line carries its own time
        System.out.println("SimpleClusterDeployIT: maintenance on\n" + log(on) + "SimpleClusterDeployIT: maintenance off\n" + log(off));
    }

    /** Issue 17: an operator watching an update or a maintenance toggle never waits more than 2 s for a line. */
    private void assertNeverSilentOverTwoSeconds(JsonNode job) {
        LogSilence silence = LogSilence.longest(Instant.parse(job.get("startedAt").asString()),
                Instant.parse(job.get("finishedAt").asString()), log(job));
        System.out.println("SimpleClusterDeployIT: job " + job.get("id") + " (" + job.get("type").asString() + "), longest silence "
                + silence.length().toMillis() + " ms");
        assertThat(silence.length()).as(silence.toString()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    private JsonNode runJob(Map<String, Object> request) throws InterruptedException {
        return api.runJob(environmentId, request, JOB_TIMEOUT);
    }

    private String log(JsonNode job) {
        return api.log(job);
    }

    /** {@code docker service ls} on node1, run as an operator would: a command job. Name → "replicas image". */
    private Map<String, String> serviceList() throws InterruptedException {
        JsonNode job = runJob(Map.of("type", "command", "nodes", List.of("node1"),
                "command", "docker service ls --format 'svc {{.Name}} {{.Replicas}} {{.Image}}'"));
        return BedInventories.parseServiceList(log(job));
    }

    private String nodeOf(String service) throws InterruptedException {
        JsonNode job = runJob(Map.of("type", "command", "nodes", List.of("node1"),
                "command", "docker service ps --filter desired-state=running --format 'placed-on {{.Node}}' " + service));
        return log(job).lines().filter(l -> l.contains("placed-on ")).map(l -> l.substring(l.indexOf("placed-on ") + 10).strip())
                .findFirst().orElse("none");
    }

    /** What the portal URL serves, through Traefik on node1's port 443 (TLS, the portal's name as server name). */
    private String portalPage() throws Exception {
        return BedInventories.fetch("https://10.199.0.1/", PORTAL_URL);
    }
}
