package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.reemo.console.node.CommandResult;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Drift on the real test bed: a 3-node cluster installed through the API, then services changed by hand on node1 with
 * {@code docker service update} (replicas, image, endpoint mode), as an operator would without the console. Each
 * change shows in {@code GET …/drift} and on the dashboard; restoring from the dashboard runs an install that undoes
 * them; accepting what runs from the dashboard records the running version as a revision. The steps build on each other, so they run in order on one environment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=drift-it", "console.data-dir=target/test-data/drift-it"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private Browser browser;
    private long environmentId;

    @LocalServerPort
    int port;
    /** The road an operator's own SSH session takes to node1, for the changes made behind the console's back. */
    @Autowired
    private NodeSessions sessions;

    @BeforeAll
    void installACluster() throws InterruptedException {
        FileSystemUtils.deleteRecursively(new File("target/test-data/drift-it/console.mv.db"));
        bed.reset();
        api = new ConsoleClient(port, "admin", "drift-it");
        environmentId = api.importAndInstall("drift-" + System.nanoTime(), BedInventories.simpleCluster(bed, "portal.bed.test"), bed);
        browser = new Browser("http://localhost:" + port);
        browser.login("admin", "drift-it");
    }

    @Test
    @Order(1)
    void anInstalledClusterHasNoDriftAndAReadIsQuick() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            ConsoleClient.Response drift = drift();
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(drift.json().get("differences").size()).as(drift.body()).isZero();
            assertThat(drift.json().get("readAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
        List<Long> warm = millis.subList(1, millis.size()).stream().sorted().toList();
        System.out.printf("Drift read on 3 nodes: first %d ms (opens the cluster's session); then min %d, median %d, max %d ms (%s)%n",
                millis.get(0), warm.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1), millis);
    }

    @Test
    @Order(2)
    void changesMadeByHandOnANodeAreEachADifferenceOnTheApiAndTheDashboard() throws Exception {
        onNode1("docker service update --detach --replicas 2 reemo_api");
        changeImageOnNode1("reemo_portal", image("portal", "2.13.11"));
        onNode1("docker service update --detach --endpoint-mode vip reemo_proapi");

        assertThat(differences(drift())).containsExactlyInAnyOrder(
                tuple("infra_manager", "reemo_api", "replicas", "4", "2"),
                tuple("infra_manager", "reemo_portal", "image", "2.12.6", "2.13.11"),
                tuple("infra_manager", "reemo_proapi", "endpoint mode", "dnsrr", "vip"));

        String panel = page("/environments/" + environmentId + "/dashboard/drift");
        assertThat(panel).contains("3 differences from the recorded configuration").contains("reemo_portal")
                .contains("Restore the recorded configuration").contains("Accept what runs")
                .contains("DOCKER_VERSION_PORTAL 2.12.6 → 2.13.11").contains("REPLICAS_API (infra_manager) 4 → 2")
                .contains("infra_manager · reemo_proapi endpoint mode: vip runs, dnsrr recorded");
        String live = waitForPage("/environments/" + environmentId + "/dashboard/live",
                body -> body.contains(">2.13.11</span>") && body.contains("recorded 2.12.6"));
        assertThat(live).contains("read ");
        assertThat(waitForPage("/environments/" + environmentId + "/versions", body -> body.contains("portal 2.13.11 (recorded 2.12.6)")))
                .contains("running, read ");
    }

    @Test
    @Order(3)
    void restoringFromTheDashboardRunsAnInstallThatUndoesThem() {
        browser.open("/environments/" + environmentId);
        browser.waitUpTo(CONVERGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drift-count"),
                "3 differences from the recorded configuration"));
        scrollTo("drift");
        browser.screenshot("drift-panel");

        browser.driver().findElement(By.id("drift-restore")).click();
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("drift-restore-button"))).click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/jobs/\\d+$"));
        assertThat(browser.awaitJobEnd(JOB_TIMEOUT)).isEqualTo("succeeded");
        JsonNode install = api.get("/api/v1/jobs/" + browser.driver().getCurrentUrl().replaceAll(".*/jobs/", "")).json();
        assertThat(install.get("type").asString()).isEqualTo("install");
        assertThat(install.get("parameters").has("initDb")).as("a restore never runs INIT_DB").isFalse();

        ConsoleClient.Response drift = drift();
        assertThat(drift.json().get("differences").size()).as(drift.body()).isZero();
        assertThat(page("/environments/" + environmentId + "/dashboard/drift")).contains("What runs is what the console");
    }

    @Test
    @Order(4)
    void acceptingWhatRunsFromTheDashboardRecordsTheRunningVersionAsARevision() throws Exception {
        changeImageOnNode1("reemo_portal", image("portal", "2.13.11"));
        onNode1("docker service update --detach --replicas 3 reemo_api");
        onNode1("docker service update --detach --endpoint-mode vip reemo_proapi");
        assertThat(drift().json().get("differences").size()).isEqualTo(3);

        browser.open("/environments/" + environmentId);
        browser.waitUpTo(CONVERGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drift-count"),
                "3 differences from the recorded configuration"));
        browser.driver().findElement(By.id("drift-accept")).click();
        browser.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("drift-accept-records")));
        assertThat(browser.driver().findElement(By.id("drift-accept-records")).getText())
                .contains("DOCKER_VERSION_PORTAL 2.12.6 → 2.13.11").contains("REPLICAS_API (infra_manager) 4 → 3");
        assertThat(browser.driver().findElement(By.id("drift-accept-restores")).getText())
                .contains("reemo_proapi endpoint mode: vip runs, dnsrr recorded");
        browser.screenshot("drift-accept-dialog");
        browser.driver().findElement(By.id("drift-accept-button")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("drift-outcome"),
                "What runs is recorded as revision"));
        browser.screenshot("drift-accepted");

        JsonNode latest = api.get("/api/v1/environments/" + environmentId + "/revisions").json().get(0);
        assertThat(latest.get("cause").asString()).isEqualTo("DRIFT_ACCEPTED");
        assertThat(latest.get("user").asString()).isEqualTo("admin");
        assertThat(browser.driver().findElement(By.id("drift-outcome")).getText())
                .contains("revision " + latest.get("number").asInt()).contains("the next install restores them");
        JsonNode vars = api.get("/api/v1/environments/" + environmentId).json();
        assertThat(vars.toString()).contains("\"DOCKER_VERSION_PORTAL\":\"2.13.11\"").contains("\"REPLICAS_API\":3");
        assertThat(differences(drift())).as("only what the settings cannot express is left")
                .containsExactly(tuple("infra_manager", "reemo_proapi", "endpoint mode", "dnsrr", "vip"));

        JsonNode install = api.runJob(environmentId, Map.of("type", "install"), JOB_TIMEOUT);
        assertThat(install.get("status").asString()).as(api.log(install)).isEqualTo("succeeded");
        assertThat(drift().json().get("differences").size()).isZero();
        Map<String, String> services = serviceList();
        assertThat(services.get("reemo_portal")).contains(image("portal", "2.13.11"));
        assertThat(services.get("reemo_api")).startsWith("3/3");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.driver().findElement(By.id(id)));
    }

    private ConsoleClient.Response drift() {
        ConsoleClient.Response drift = api.get("/api/v1/environments/" + environmentId + "/drift");
        assertThat(drift.status()).as(drift.body()).isEqualTo(200);
        return drift;
    }

    private static List<org.assertj.core.groups.Tuple> differences(ConsoleClient.Response drift) {
        return differences(drift.json().get("differences"));
    }

    private static List<org.assertj.core.groups.Tuple> differences(JsonNode list) {
        List<org.assertj.core.groups.Tuple> all = new ArrayList<>();
        list.forEach(d -> all.add(tuple(d.get("cluster").asString(), d.get("object").asString(), d.get("field").asString(),
                d.get("recorded").asString(), d.get("running").asString())));
        return all;
    }

    /** A page as a signed-in browser gets it (HTTP Basic is taken by the pages too). */
    private String page(String path) {
        ConsoleClient.Response page = api.get(path, "text/html");
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.body();
    }

    private String waitForPage(String path, Predicate<String> shows) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        String body = page(path);
        while (!shows.test(body)) {
            assertThat(System.nanoTime()).as(path + " never showed it:\n" + body).isLessThan(deadline);
            Thread.sleep(1000);
            body = page(path);
        }
        return body;
    }

    private String image(String component, String version) {
        return bed.registryUrl() + "/" + bed.registryEnv() + component + ":" + version;
    }

    /** As an operator on node1 would, without the console: through the product's node module, not a job. */
    private void onNode1(String command) {
        try (NodeSession node1 = sessions.open(bed.node("node1"))) {
            StringBuilder output = new StringBuilder();
            CommandResult result = node1.run(command, Duration.ofSeconds(60), (stream, line) -> output.append(line).append('\n'));
            assertThat(result.exitCode()).as(command + "\n" + output).isZero();
        }
    }

    /**
     * {@code docker service update --image} as an operator would run it: signed in to the registry first, so that the
     * nodes get the credentials to pull (without them every task is rejected and Swarm rolls the update back at once).
     * The login goes to a throw-away client configuration, which leaves the node as the console configured it.
     */
    private void changeImageOnNode1(String service, String image) {
        onNode1("export DOCKER_CONFIG=$(mktemp -d) && printf '%s' '" + bed.registryPassword() + "' | docker login -u '"
                + bed.registryUser() + "' --password-stdin " + bed.registryUrl() + " >/dev/null && docker service update --detach"
                + " --with-registry-auth --image " + image + " " + service + "; code=$?; rm -rf \"$DOCKER_CONFIG\"; exit $code");
    }

    /** {@code docker service ls} on node1 through a command job. Name → "replicas image". */
    private Map<String, String> serviceList() throws InterruptedException {
        JsonNode job = api.runJob(environmentId, Map.of("type", "command", "nodes", List.of("node1"),
                "command", "docker service ls --format 'svc {{.Name}} {{.Replicas}} {{.Image}}'"), JOB_TIMEOUT);
        return BedInventories.parseServiceList(api.log(job));
    }
}
