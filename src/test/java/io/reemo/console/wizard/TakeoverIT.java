package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.environment.Node;
import io.reemo.console.health.PortalProbe;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.RoleLikeInstall;
import io.reemo.console.support.TestBed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Taking over a platform that the vendor's Ansible role installed, on the real bed: the role-like playbook installs
 * it (docker/testbed/role-like), then an operator imports the same inventory in the wizard, pins the nodes, reads on
 * the review what runs, and adopts it as it runs (no task restarts, the running versions recorded); then converges it
 * through the API, each service updated in place in the mandatory order while the portal keeps answering, the
 * database's files untouched. Before all that, a fresh install over nodes holding a MySQL data directory is refused.
 * The steps build on each other, so they run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=takeover-it", "console.data-dir=target/test-data/takeover-it"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TakeoverIT {

    private static final String PORTAL = "portal.bed.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(8);
    private static final String SERVICE_IDS = "docker service ls --format '{{.Name}} {{.ID}}'";
    private static final String RUNNING_TASKS = "docker service ps -q --filter desired-state=running $(docker service ls -q) | sort";

    private final TestBed bed = TestBed.get();
    private final Node node1 = bed.node("node1");
    private ConsoleClient api;
    private RoleLikeInstall role;
    private Path inventory;
    private long environmentId;
    private Map<String, String> dataBefore;
    private Map<String, String> serviceIdsBefore;

    @LocalServerPort
    int port;
    @Autowired
    private PortalProbe probe;

    @BeforeAll
    void bed() throws Exception {
        FileSystemUtils.deleteRecursively(new File("target/test-data/takeover-it"));
        Path work = Files.createDirectories(Path.of("target/test-data/takeover-it-work"));
        bed.reset();
        api = new ConsoleClient(port, "admin", "takeover-it");
        role = new RoleLikeInstall(bed, work);
        inventory = work.resolve("inventory.yml");
        Files.writeString(inventory, BedInventories.simpleCluster(bed, PORTAL));
    }

    @AfterAll
    void cleanUp() {
        bed.reset();
    }

    @Test
    @Order(1)
    void aFreshInstallWithInitDbOverNodesHoldingAMysqlDataDirectoryIsRefusedAndChangesNothing() throws Exception {
        role.ssh(node1, "mkdir -p /opt/reemo/mysql/mysql /opt/reemo/mysql/reemo && head -c 4096 /dev/urandom > /opt/reemo/mysql/ibdata1"
                + " && echo 'server-uuid=1' > /opt/reemo/mysql/auto.cnf && head -c 512 /dev/urandom > /opt/reemo/mysql/reemo/users.ibd");
        Map<String, String> before = role.dataFiles(node1);
        long fresh = api.importAndPin("fresh-" + System.nanoTime(), Files.readString(inventory), bed);

        JsonNode install = api.runJob(fresh, Map.of("type", "install", "initDb", true), JOB_TIMEOUT);

        String log = api.log(install);
        assertThat(install.get("status").asString()).as(log).isEqualTo("failed");
        assertThat(log).contains("Blocking on node1: /opt/reemo/mysql already holds a MySQL database (ibdata1 auto.cnf mysql)"
                + ": INIT_DB would overwrite it");
        assertThat(role.ssh(node1, "docker info --format '{{.Swarm.LocalNodeState}}'").strip()).isEqualTo("inactive");
        assertThat(role.ssh(node1, "docker image ls -q")).isBlank();
        assertThat(role.dataFiles(node1)).isEqualTo(before);
        role.ssh(node1, "rm -rf /opt/reemo/mysql");
        assertThat(api.delete("/api/v1/environments/" + fresh).status()).as("a server belongs to one environment").isEqualTo(204);
    }

    @Test
    @Order(2)
    void theRoleInstallsThePlatformAndThePlanAdoptsEveryServiceItRuns() {
        RoleLikeInstall.Run run = role.run(inventory);
        System.out.printf("Role-like playbook: %d s%n", run.took().toSeconds());
        dataBefore = role.dataFiles(node1);
        assertThat(dataBefore).containsKey("ibdata1");
        serviceIdsBefore = serviceIds();
        assertThat(serviceIdsBefore).containsKeys("traefik", "reemo_api", "reemo_mysql", "reemo_portal", "reemo_signal3");

        long view = api.importAndPin("plan-view-" + System.nanoTime(), BedInventories.simpleCluster(bed, PORTAL), bed);
        JsonNode plan = api.get("/api/v1/environments/" + view + "/plan").json();

        List<String> adopted = new ArrayList<>();
        plan.get("changes").forEach(change -> {
            assertThat(change.get("kind").asString()).as(change.toString()).isNotIn("CREATE_SERVICE", "REMOVE_SERVICE");
            if (change.get("kind").asString().equals("ADOPT_SERVICE")) {
                adopted.add(change.get("target").asString());
            }
        });
        assertThat(adopted).containsExactlyInAnyOrderElementsOf(serviceIdsBefore.keySet());
        assertThat(plan.get("leftAlone").get("infra_manager").toString()).contains("secret reemo_api_license")
                .doesNotContain("network reemo_overlay");
        assertThat(plan.get("running").get("reemo_api").asString()).isEqualTo(tag("reemo_api"));
        assertThat(api.delete("/api/v1/environments/" + view).status()).isEqualTo(204);
    }

    /** The wizard's import over the running platform, as an operator walks it, up to "Adopt as it runs". */
    @Test
    @Order(3)
    void theWizardImportSaysWhatRunsAndAdoptsItAsItRunsWithoutRestartingAnyTask() throws Exception {
        String tasksBefore = role.ssh(node1, RUNNING_TASKS);
        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            browser.login("admin", "takeover-it");
            browser.open("/wizard");
            driver.findElement(By.id("import-name")).sendKeys("adopted");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('import-text').value = arguments[0]",
                    Files.readString(inventory));
            driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/wizard/\\d+/nodes$"));
            String wizard = driver.getCurrentUrl().replaceFirst("/nodes$", "");
            WizardWalk walk = new WizardWalk(browser, bed);
            bed.nodes().forEach(node -> walk.pinAndReadFacts(node, null));

            driver.get(wizard + "/review");
            String summary = browser.waitUpTo(Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("adoption"))).getText();
            assertThat(summary).contains("This Swarm already runs Reemo Infra (api " + tag("reemo_api"))
                    .contains("installed without the console: " + serviceIdsBefore.size() + " services will be adopted, ")
                    .containsPattern("\\d+ fields would change");
            assertThat(driver.findElement(By.id("install-form")).getText()).contains("No install here");
            assertThat(driver.findElements(By.id("install"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("table.plan-changes tbody tr")).stream().map(r -> r.getText()))
                    .noneMatch(row -> row.contains("create service") || row.contains("remove service"));
            walk.screenshotAt("takeover-review", By.id("adoption"));

            driver.findElement(By.id("adopt-as-it-runs")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/jobs/\\d+$"));
            long jobId = Long.parseLong(driver.getCurrentUrl().replaceFirst(".*/jobs/", ""));
            JsonNode job = api.awaitEnd(jobId, JOB_TIMEOUT);
            String log = api.log(job);
            assertThat(job.get("status").asString()).as(log).isEqualTo("succeeded");
            assertThat(log).contains("the database's data in /opt/reemo on node1 (MYSQL_DATA_DIR, MYSQL_NODE)")
                    .contains("services adopted, all ").contains("running tasks kept (no task restarted)");
            environmentId = job.get("environmentId").asLong();
            browser.screenshot("takeover-adopted-job");
        }
        assertThat(role.ssh(node1, RUNNING_TASKS)).as("the same tasks run").isEqualTo(tasksBefore);
        assertThat(serviceIds()).isEqualTo(serviceIdsBefore);
        assertThat(role.ssh(node1, "docker service inspect reemo_api --format '{{index .Spec.Labels \"io.reemo.console.managed\"}}'").strip())
                .isEqualTo("true");

        JsonNode environment = api.get("/api/v1/environments/" + environmentId).json();
        JsonNode vars = environment.get("vars");
        assertThat(vars.get("DOCKER_VERSION_API").asString()).isEqualTo(tag("reemo_api"));
        assertThat(vars.get("DOCKER_VERSION_PORTAL").asString()).isEqualTo(tag("reemo_portal"));
        JsonNode group = environment.get("clusters").get(0).get("vars");
        assertThat(group.get("MYSQL_DATA_DIR").asString()).isEqualTo("/opt/reemo");
        assertThat(group.get("MYSQL_NODE").asString()).isEqualTo("node1");
        assertThat(group.get("SWARM_NETWORK").asString()).as("kept, so that converging never cuts Traefik off").isEqualTo("reemo_overlay");
        assertThat(api.get("/api/v1/environments/" + environmentId + "/revisions").body()).contains("ADOPTION");
    }

    @Test
    @Order(4)
    void initDbOnTheAdoptedEnvironmentIsRefusedNamingTheNodeAndTheDataDirectory() {
        ConsoleClient.Response refused = api.post("/api/v1/environments/" + environmentId + "/jobs",
                Map.of("type", "install", "initDb", true));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("problems").get(0).get("field").asString()).isEqualTo("initDb");
        assertThat(refused.json().get("problems").get(0).get("message").asString())
                .contains("(node1:/opt/reemo) ran with the platform the console adopted");
        assertThat(role.dataFiles(node1)).isEqualTo(dataBefore);
    }

    @Test
    @Order(5)
    void convergingUpdatesEachServiceInPlaceInTheMandatoryOrderWhileThePortalKeepsAnswering() throws Exception {
        AtomicBoolean converging = new AtomicBoolean(true);
        CompletableFuture<List<String>> silences = CompletableFuture.supplyAsync(() -> probePortal(converging));

        JsonNode job = api.runJob(environmentId, Map.of("type", "adopt", "converge", true, "remove", List.of("secret reemo_api_license")),
                JOB_TIMEOUT);
        converging.set(false);

        String log = api.log(job);
        assertThat(job.get("status").asString()).as(log).isEqualTo("succeeded");
        List<String> order = log.lines().filter(l -> l.matches(".*infra_manager \\[\\d+/\\d+] .*"))
                .map(l -> l.replaceFirst(".*infra_manager \\[\\d+/\\d+] \\w+ service (\\S+):.*", "$1")).toList();
        assertThat(order).startsWith("reemo_db", "reemo_api").endsWith("reemo_portal");
        assertThat(serviceIds()).as("updated in place: the same service IDs").isEqualTo(serviceIdsBefore);
        assertThat(silences.get()).as("rounds in which no node's Traefik served the portal").isEmpty();
        assertThat(role.dataFiles(node1)).as("the database's files").isEqualTo(dataBefore);
        assertThat(log).contains("infra_manager: removed secret reemo_api_license");
        assertThat(role.ssh(node1, "docker secret ls --format '{{.Name}}'")).as("the role's secrets stay unless named")
                .doesNotContain("reemo_api_license\n").contains("reemo_mysql_root_password\n");
        JsonNode drift = api.get("/api/v1/environments/" + environmentId + "/drift").json();
        assertThat(drift.get("differences").size()).as(drift.toString()).isZero();
    }

    /** The way back: the adopted environment's inventory, exported with its secrets, is one the role runs with. */
    @Test
    @Order(6)
    void theExportedInventoryTakesTheOperatorBackToAnsible() throws Exception {
        ConsoleClient.Response export = api.get("/api/v1/environments/" + environmentId + "/inventory?secrets=true", "application/yaml");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        Path exported = inventory.resolveSibling("exported.yml");
        Files.writeString(exported, export.body());

        RoleLikeInstall.Run back = role.run(exported);

        System.out.printf("Role-like playbook over the adopted platform, from the exported inventory: %d s%n", back.took().toSeconds());
        assertThat(portalAnswersWithin(Duration.ofSeconds(90))).as("the portal through node1 after the role's run").isEqualTo(200);
        assertThat(serviceIds()).isEqualTo(serviceIdsBefore);
        assertThat(role.dataFiles(node1)).isEqualTo(dataBefore);
    }

    /** Every 250 ms, the portal through each node's Traefik; a round in which none answered 200 is a silence. */
    private List<String> probePortal(AtomicBoolean running) {
        List<String> silences = new ArrayList<>();
        int rounds = 0;
        while (running.get()) {
            rounds++;
            List<String> replies = new ArrayList<>();
            boolean answered = false;
            for (Node node : bed.nodes()) {
                PortalProbe.Reply reply = probe.get(node.address(), PORTAL, 443, "/", "text/html,*/*", false);
                answered |= reply.status() == 200;
                replies.add(node.name() + " " + reply.describe());
            }
            if (!answered) {
                silences.add("round " + rounds + ": " + replies);
            }
            pause();
        }
        System.out.printf("Portal probed in %d rounds during the converge: %d without an answer%n", rounds, silences.size());
        return silences;
    }

    /** The portal's status through node1 once it is 200, or the last one seen when the time ran out. */
    private int portalAnswersWithin(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = probe.get(node1.address(), PORTAL, 443, "/", "text/html,*/*", false).status();
            if (status != 200) {
                pause();
            }
        } while (status != 200 && System.nanoTime() < end);
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> serviceIds() {
        Map<String, String> ids = new TreeMap<>();
        role.ssh(node1, SERVICE_IDS).lines().map(l -> l.split(" ")).forEach(f -> ids.put(f[0], f[1]));
        return ids;
    }

    private String tag(String service) {
        String image = role.ssh(node1, "docker service inspect " + service + " --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}'").strip();
        String plain = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        return plain.substring(plain.lastIndexOf(':') + 1);
    }
}
