package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.TestBed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proof that the platform serves, on the real test bed through the REST API: an install ends with the check and a
 * {@code verify} job repeats it (both through each of the 3 nodes), the schedule runs one by itself (maintenance's own
 * check is asserted by SimpleClusterDeployIT), an install whose portal Traefik does not let the console reach ends failed
 * naming the nodes and the URL, and vip endpoint mode on the bed's kernel (no IPVS) is blocked by preflight.
 * Written for the bed's HAProxy-based Traefik stand-in (TLS, allow-lists, Traefik's own answers), with the console's
 * default {@code https} probe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=verify-it", "console.data-dir=target/test-data/verify-it", "console.verify.interval=PT5S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyIT {

    static final String PORTAL = "portal.bed.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
    private static final List<String> NODES = List.of("node1", "node2", "node3");

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();
    private final JsonMapper json = JsonMapper.builder().build();
    private ConsoleClient api;
    private long environmentId;

    @BeforeAll
    void cleanBedAndImportInventory() {
        org.springframework.util.FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/verify-it/console.mv.db"));
        bed.reset();
        api = new ConsoleClient(port, "admin", "verify-it");
        environmentId = api.importAndPin("verify-" + System.nanoTime(), BedInventories.simpleCluster(bed, PORTAL), bed);
    }

    @Test
    @Order(1)
    void anInstallEndsWithTheCheckThroughEachNodeAndAVerifyJobRepeatsIt() throws Exception {
        JsonNode install = runJob(Map.of("type", "install", "initDb", true));
        String installLog = api.log(install);
        assertThat(install.get("status").asString()).as(installLog).isEqualTo("succeeded");
        JsonNode lastStep = install.get("steps").get(install.get("steps").size() - 1);
        assertThat(lastStep.get("name").asString()).isEqualTo("verify");
        assertThat(lastStep.get("status").asString()).isEqualTo("succeeded");

        Instant asked = Instant.now();
        JsonNode verify = runJob(Map.of("type", "verify"));
        Duration wall = Duration.between(asked, Instant.now());
        String log = api.log(verify);
        assertThat(verify.get("status").asString()).as(log).isEqualTo("succeeded");
        assertThat(verify.get("changing").asBoolean()).isFalse();
        for (int n = 1; n <= 3; n++) {
            String through = " through node" + n + " (10.199.0." + n + ")";
            assertThat(log).contains("portal https://" + PORTAL + "/" + through + ": HTTP 200 (text/html), the portal's page")
                    .contains("signals https://" + PORTAL + ":8443/" + through + ": HTTP 200")
                    .contains("All ").contains(" checks passed on node" + n + ".");
        }
        assertThat(log).contains("reemo_api: 4/4 task(s) running and healthy, 2.13.10, on node1, node2, node3")
                .contains("traefik: 3/3 task(s) running and healthy (one per node)")
                .contains("reemo_db: 0 tasks running, as it should be outside a database run");
        Duration took = Duration.between(Instant.parse(verify.get("startedAt").asString()), Instant.parse(verify.get("finishedAt").asString()));
        System.out.printf("VerifyIT: verify job on 3 nodes took %d ms (job start to end), %d ms from the request to its end seen%n",
                took.toMillis(), wall.toMillis());

        String panel = api.get("/environments/" + environmentId + "/dashboard/verify").body();
        assertThat(panel).contains(">passed</span>").contains("verify job #" + verify.get("id").asLong());
    }

    @Test
    @Order(2)
    void theScheduleVerifiesAnIdleInstalledEnvironmentByItself() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode scheduled = null;
        while (scheduled == null && System.nanoTime() < deadline) {
            JsonNode history = api.get("/api/v1/jobs?environment=" + environmentId + "&type=verify&limit=20").json();
            scheduled = StreamSupport.stream(history.spliterator(), false)
                    .filter(job -> job.get("startedBy").asString().equals("console.verify.interval")).findFirst().orElse(null);
            Thread.sleep(500);
        }
        assertThat(scheduled).as("a verify job started by console.verify.interval within 60 s").isNotNull();
        JsonNode done = api.awaitEnd(scheduled.get("id").asLong(), JOB_TIMEOUT);
        assertThat(done.get("status").asString()).as(api.log(done)).isEqualTo("succeeded");
    }

    @Test
    @Order(4)
    void anInstallWhosePortalTraefikDoesNotLetTheConsoleReachEndsFailedNamingEachNodeAndTheUrl() throws Exception {
        changeSettings(environment -> ((ObjectNode) environment.get("clusters").get(0).get("vars")).put("PORTAL_URL_RESTRICT_IP", "10.9.9.9/32"));

        JsonNode install = runJob(Map.of("type", "install"));
        String log = api.log(install);
        assertThat(install.get("status").asString()).as(log).isEqualTo("failed");
        assertThat(install.get("message").asString()).isEqualTo("Step 'verify' failed on node1, node2, node3.");
        for (String node : NODES) {
            String failure = "portal https://" + PORTAL + "/ through " + node + " (10.199.0." + node.charAt(4) + "): HTTP 403";
            assertThat(log).contains(failure);
            assertThat(nodeMessage(install, node)).contains(failure).contains("expected the portal's page (HTTP 200, text/html). "
                    + "PORTAL_URL_RESTRICT_IP lets only 10.9.9.9/32 in: the console's own address must be among them for this check");
        }
        String panel = api.get("/environments/" + environmentId + "/dashboard/verify").body();
        assertThat(panel).contains(">failed</span>").contains("<li>portal https://" + PORTAL + "/ through node1 (10.199.0.1): HTTP 403");

        changeSettings(environment -> ((ObjectNode) environment.get("clusters").get(0).get("vars")).put("PORTAL_URL_RESTRICT_IP",
                "10.199.0.254/32"));
        JsonNode allowed = runJob(Map.of("type", "install"));
        assertThat(allowed.get("status").asString()).as(api.log(allowed)).isEqualTo("succeeded");
    }

    @Test
    @Order(5)
    void vipEndpointModeOnTheBedsKernelWithoutIpvsIsBlockedByPreflightOnEveryNode() throws Exception {
        changeSettings(environment -> ((ObjectNode) environment.get("vars")).put("SWARM_ENDPOINT_MODE", "vip"));

        JsonNode install = runJob(Map.of("type", "install"));
        String log = api.log(install);
        assertThat(install.get("status").asString()).as(log).isEqualTo("failed");
        assertThat(install.get("message").asString()).isEqualTo("Step 'preflight' failed on node1, node2, node3.");
        for (String node : NODES) {
            assertThat(log).containsPattern("\\[preflight] \\[" + node + "] Blocking on " + node + ": SWARM_ENDPOINT_MODE is vip, which needs IPVS, and this "
                    + "kernel has none .*Set SWARM_ENDPOINT_MODE to dnsrr, or load ip_vs on the node");
        }
        List<String> after = new ArrayList<>();
        install.get("steps").forEach(step -> after.add(step.get("name").asString() + " " + step.get("status").asString()));
        assertThat(after.subList(1, after.size())).allMatch(step -> step.endsWith(" skipped"));
        changeSettings(environment -> ((ObjectNode) environment.get("vars")).put("SWARM_ENDPOINT_MODE", "dnsrr"));
    }

    private JsonNode runJob(Map<String, Object> request) throws InterruptedException {
        return api.runJob(environmentId, request, JOB_TIMEOUT);
    }

    private static String nodeMessage(JsonNode job, String node) {
        for (JsonNode state : job.get("steps").get(job.get("steps").size() - 1).get("nodes")) {
            if (state.get("node").asString().equals(node)) {
                return state.get("message").asString();
            }
        }
        throw new AssertionError("no node " + node + " in the last step of " + job);
    }

    /**
     * The environment read, changed and written back as a script would; with the {@code If-Match} of the read when the
     * console gives an {@code ETag}.
     */
    private void changeSettings(java.util.function.Consumer<JsonNode> change) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String authorization = "Basic " + Base64.getEncoder().encodeToString("admin:verify-it".getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/environments/" + environmentId);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode environment = json.readTree(read.body());
        change.accept(environment);
        HttpRequest.Builder write = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(environment)));
        read.headers().firstValue("ETag").ifPresent(tag -> write.header("If-Match", tag));
        HttpResponse<String> written = http.send(write.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    }
}
