package io.reemo.console.admin.updates;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * An operator updates the API of a 3-node cluster on the real test bed from the Updates page in Chromium: newer tag
 * offered by the registry, plan, confirmation, live job, new version running, history, and the return to the
 * previous version. Then to a version whose containers exit at once (the registry's {@code 2.14.1-broken}): Swarm rolls
 * it back, the job fails, the console records the version that runs again and says on the page what failed, where and
 * why; trying it again needs the operator's explicit retry, and nothing else redeploys it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=" + UpdatesBrowserIT.PASSWORD, "console.data-dir=" + UpdatesBrowserIT.DATA_DIR})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdatesBrowserIT {

    static final String PASSWORD = "updates-it-secret";
    static final String DATA_DIR = "target/test-data/updates-browser";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final String BROKEN = "2.14.1-broken";
    private static final String BEFORE = "2.13.10";

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private Browser page;
    private WebDriver browser;
    private long environmentId;
    private long brokenJobId;

    @DynamicPropertySource
    static void trustTheBedRegistry(DynamicPropertyRegistry registry) {
        registry.add("console.registry.ca-file", () -> TestBed.get().registryCaCert().toString());
    }

    @BeforeAll
    void installTheClusterThroughTheApi() throws InterruptedException {
        FileSystemUtils.deleteRecursively(new java.io.File(DATA_DIR));
        bed.reset();
        api = new ConsoleClient(port, "admin", PASSWORD);
        environmentId = api.importAndInstall("updates-" + System.nanoTime(), BedInventories.simpleCluster(bed, "portal.updates.test"), bed);
        page = new Browser("http://127.0.0.1:" + port);
        browser = page.driver();
        page.login("admin", PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    @Order(1)
    void theApiIsOfferedItsNewerTagFromTheRegistry() {
        page.open("/environments/" + environmentId + "/updates");
        // htmx swaps the table for the one with the registry's tags: read it once that is done, not while it is swapped
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("update-api-2.14.0")));
        assertThat(text("#version-api .current")).isEqualTo("2.13.10");
        assertThat(text("#version-api .default")).startsWith("2.13.10").contains("current");
        assertThat(text("#version-api .newer")).contains("2.14.0");
        assertThat(text("#version-portal .newer")).contains("2.13.11");
        assertThat(browser.findElements(By.id("registry-problem"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(bed.registryPassword());
        page.screenshot("updates-table");

        ConsoleClient.Response plan = api.post("/api/v1/environments/" + environmentId + "/plan",
                Map.of("tags", List.of("api"), "versions", Map.of("DOCKER_VERSION_API", "2.14.0")));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("changes").size()).as(plan.body()).isEqualTo(1);
        assertThat(plan.json().get("changes").get(0).get("detail").asString()).isEqualTo("image 2.13.10 → 2.14.0");
    }

    @Test
    @Order(2)
    void updatingTheApiShowsThePlanThenRunsItLive() throws InterruptedException {
        browser.findElement(By.id("update-api-2.14.0")).click();
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
        assertThat(text("#plan-steps")).contains("Step 1: api").contains("api 2.13.10 → 2.14.0")
                .contains("reemo_api").contains("image 2.13.10 → 2.14.0").doesNotContain("reemo_portal");
        page.screenshot("update-plan");

        long seconds = confirmAndWatch("succeeded");
        System.out.printf("FIGURE update api 2.13.10 → 2.14.0: %d s from the confirming click to the job's end%n", seconds);

        page.open("/environments/" + environmentId + "/updates");
        assertThat(text("#version-api .current")).isEqualTo("2.14.0");
        assertThat(text("#update-history tbody tr:first-child .version-change")).isEqualTo("2.13.10 → 2.14.0");
        assertThat(text("#update-history tbody tr:first-child")).contains("api").contains("succeeded");
        showHistory();
        page.screenshot("updates-after");
        assertThat(runningImage("reemo_api")).startsWith("4/4").contains("reemoinfraapi:2.14.0");
    }

    @Test
    @Order(3)
    void oneClickReturnsTheApiToItsPreviousVersion() throws InterruptedException {
        browser.findElement(By.id("return-api")).click();
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
        assertThat(text("#plan-steps")).contains("api 2.14.0 → 2.13.10").contains("image 2.14.0 → 2.13.10");

        long seconds = confirmAndWatch("succeeded");
        System.out.printf("FIGURE return api 2.14.0 → 2.13.10: %d s from the confirming click to the job's end%n", seconds);

        page.open("/environments/" + environmentId + "/updates");
        assertThat(text("#version-api .current")).isEqualTo("2.13.10");
        assertThat(text("#update-history tbody tr:first-child .version-change")).isEqualTo("2.14.0 → 2.13.10");
        showHistory();
        page.screenshot("updates-returned");
        assertThat(runningImage("reemo_api")).startsWith("4/4").contains("reemoinfraapi:2.13.10");
    }

    @Test
    @Order(4)
    void aBrokenUpdateFailsAndTheRecordedVersionReturnsToTheVersionThatRuns() throws InterruptedException {
        page.open("/environments/" + environmentId + "/updates");
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("update-api-" + BROKEN)));
        browser.findElement(By.id("update-api-" + BROKEN)).click();
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
        assertThat(browser.findElements(By.id("failed-before"))).as("it has not failed yet").isEmpty();
        assertThat(browser.findElements(By.id("retry-failed"))).isEmpty();

        long seconds = confirmAndWatch("failed");
        System.out.printf("FIGURE broken update api %s → %s: %d s from the confirming click to the failed job's end%n", BEFORE, BROKEN, seconds);
        brokenJobId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));

        String log = api.log(api.awaitEnd(brokenJobId, Duration.ofSeconds(5)));
        assertThat(log).containsPattern("api " + BROKEN + " failed \\(task exited 1 on node\\d: .*broken on purpose, exiting.*\\)"
                        + " and was rolled back to " + BEFORE)
                .contains("DOCKER_VERSION_API: " + BROKEN + " → " + BEFORE + " recorded, the version that runs after the rollback");

        assertThat(runningImage("reemo_api")).startsWith("4/4").contains("reemoinfraapi:" + BEFORE);
        assertThat(recordedApiVersion()).isEqualTo(BEFORE);
        JsonNode revisions = api.get("/api/v1/environments/" + environmentId + "/revisions").json();
        JsonNode reconciled = revisions.get(0);
        assertThat(reconciled.get("cause").asString()).as(revisions.toString()).isEqualTo("ROLLBACK_RECONCILED");
        assertThat(reconciled.get("jobId").asLong()).isEqualTo(brokenJobId);
        assertThat(reconciled.get("user").asString()).isEqualTo("admin");
        assertThat(reconciled.get("changes").toString()).contains("DOCKER_VERSION_API").contains(BROKEN).contains(BEFORE);
    }

    @Test
    @Order(5)
    void theUpdatesPageSaysWhatFailedWhereAndWhy() {
        page.open("/environments/" + environmentId + "/updates");
        // the table is swapped for the one with the registry's tags: read it once that is done
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("update-api-" + BROKEN)));
        assertThat(text("#version-api .current")).isEqualTo(BEFORE);
        String words = text("tr.failed-version[data-tag='api'] .failure-words");
        assertThat(words).matches("api " + BROKEN.replace(".", "\\.") + " failed \\(task exited 1 on node\\d: .*\\) and was rolled back to "
                + BEFORE.replace(".", "\\."));
        assertThat(words).contains("api " + BROKEN + ": broken on purpose, exiting");
        assertThat(text("tr.failed-version[data-tag='api']")).contains("job #" + brokenJobId);
        assertThat(browser.findElement(By.id("update-api-" + BROKEN)).getText()).isEqualTo("Try " + BROKEN + " again…");
        assertThat(text("#version-api .newer")).contains("failed here");
        assertThat(text("#update-history tbody tr:first-child")).contains("#" + brokenJobId).contains("failed").contains(words);
        page.screenshot("failed-update-marked");
    }

    @Test
    @Order(6)
    void tryingTheFailedVersionAgainNeedsTheOperatorsExplicitRetry() {
        ConsoleClient.Response refused = api.post("/api/v1/environments/" + environmentId + "/jobs", Map.of("type", "update",
                "tags", List.of("api"), "versions", Map.of("DOCKER_VERSION_API", BROKEN)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("problems").get(0).get("field").asString()).isEqualTo("retryFailed");
        assertThat(refused.json().get("problems").get(0).get("message").asString())
                .contains("failed on this environment in job " + brokenJobId).contains("task exited 1 on node")
                .contains("Send \"retryFailed\": true to try it again anyway");

        browser.findElement(By.id("update-api-" + BROKEN)).click();
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("plan-steps")));
        assertThat(text("#failed-before")).contains("Failed here before.").contains("task exited 1 on node");
        browser.findElement(By.id("update-start")).click();
        page.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("update-confirm-button")));
        WebElement retry = browser.findElement(By.id("retry-failed"));
        assertThat(retry.getAttribute("required")).isNotNull();
        assertThat(retry.isSelected()).isFalse();
        page.screenshot("failed-update-retry-confirmation");
        browser.findElement(By.id("update-confirm-button")).click();
        // the unticked box keeps the form from being sent: no job starts
        assertThat(browser.getCurrentUrl()).contains("/updates/plan");
        assertThat(api.get("/api/v1/jobs?environment=" + environmentId + "&type=update").json().get(0).get("id").asLong())
                .isEqualTo(brokenJobId);
    }

    @Test
    @Order(7)
    void nothingRedeploysTheFailedVersionAndThePagesShowTheOneThatRuns() throws InterruptedException {
        ConsoleClient.Response plan = api.get("/api/v1/environments/" + environmentId + "/plan");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("changes").size()).as(plan.body()).isZero();
        JsonNode install = api.runJob(environmentId, Map.of("type", "install"), JOB_TIMEOUT);
        assertThat(install.get("status").asString()).as(api.log(install)).isEqualTo("succeeded");
        assertThat(api.log(install)).contains("infra_manager: nothing to change").doesNotContain(BROKEN);
        assertThat(runningImage("reemo_api")).startsWith("4/4").contains("reemoinfraapi:" + BEFORE);

        String inventory = api.get("/api/v1/environments/" + environmentId + "/inventory").body();
        assertThat(inventory).doesNotContain(BROKEN);
        page.open("/");
        assertThat(text("#environment-" + environmentId)).contains("api " + BEFORE).doesNotContain(BROKEN);
    }

    @Test
    @Order(8)
    void anUpdateWhoseImageNoNodeCanGetRecordsNothing() throws InterruptedException {
        JsonNode job = api.runJob(environmentId, Map.of("type", "update", "tags", List.of("api"),
                "versions", Map.of("DOCKER_VERSION_API", "9.9.9")), JOB_TIMEOUT);

        assertThat(job.get("status").asString()).as(api.log(job)).isEqualTo("failed");
        assertThat(job.get("steps").get(0).get("name").asString()).isEqualTo("images");
        assertThat(job.get("steps").get(0).get("status").asString()).isEqualTo("failed");
        assertThat(recordedApiVersion()).isEqualTo(BEFORE);
    }

    /** Confirms the plan in its dialog, follows the live job view to its end; returns the seconds it took. */
    private long confirmAndWatch(String expectedStatus) {
        browser.findElement(By.id("update-start")).click();
        page.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("update-confirm-button")));
        long start = System.nanoTime();
        browser.findElement(By.id("update-confirm-button")).click();
        page.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches("/jobs/\\d+$"));
        String status = page.awaitJobEnd(JOB_TIMEOUT);
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        page.screenshot("update-job-" + browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(status).as(text("#log")).isEqualTo(expectedStatus);
        assertThat(text("#log")).contains("update service reemo_api");
        return seconds;
    }

    /** What Swarm runs, asked on node1 through the console's own SSH: "replicas image". */
    private String runningImage(String service) throws InterruptedException {
        JsonNode job = api.runJob(environmentId, Map.of("type", "command", "nodes", List.of("node1"),
                "command", "docker service ls --format 'svc {{.Name}} {{.Replicas}} {{.Image}}'"), JOB_TIMEOUT);
        return BedInventories.parseServiceList(api.log(job)).get(service);
    }

    /** The version the environment records for the API (the updates set it in all.vars). */
    private String recordedApiVersion() {
        return api.get("/api/v1/environments/" + environmentId).json().get("vars").get("DOCKER_VERSION_API").asString();
    }

    private void showHistory() {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("update-history")));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }
}
