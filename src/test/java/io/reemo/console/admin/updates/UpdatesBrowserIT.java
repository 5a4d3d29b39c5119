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
 * previous version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=" + UpdatesBrowserIT.PASSWORD, "console.data-dir=" + UpdatesBrowserIT.DATA_DIR})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdatesBrowserIT {

    static final String PASSWORD = "updates-it-secret";
    static final String DATA_DIR = "target/test-data/updates-browser";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private Browser page;
    private WebDriver browser;
    private long environmentId;

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
        assertThat(text("#version-api .current")).isEqualTo("2.13.10");
        assertThat(text("#version-api .default")).startsWith("2.13.10").contains("current");
        page.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("update-api-2.14.0")));
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

        long seconds = confirmAndWatch();
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

        long seconds = confirmAndWatch();
        System.out.printf("FIGURE return api 2.14.0 → 2.13.10: %d s from the confirming click to the job's end%n", seconds);

        page.open("/environments/" + environmentId + "/updates");
        assertThat(text("#version-api .current")).isEqualTo("2.13.10");
        assertThat(text("#update-history tbody tr:first-child .version-change")).isEqualTo("2.14.0 → 2.13.10");
        showHistory();
        page.screenshot("updates-returned");
        assertThat(runningImage("reemo_api")).startsWith("4/4").contains("reemoinfraapi:2.13.10");
    }

    /** Confirms the plan in its dialog, follows the live job view to its end; returns the seconds it took. */
    private long confirmAndWatch() {
        browser.findElement(By.id("update-start")).click();
        page.waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(By.id("update-confirm-button")));
        long start = System.nanoTime();
        browser.findElement(By.id("update-confirm-button")).click();
        page.waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches("/jobs/\\d+$"));
        String status = page.awaitJobEnd(JOB_TIMEOUT);
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        page.screenshot("update-job-" + browser.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(status).as(text("#log")).isEqualTo("succeeded");
        assertThat(text("#log")).contains("update service reemo_api");
        return seconds;
    }

    /** What Swarm runs, asked on node1 through the console's own SSH: "replicas image". */
    private String runningImage(String service) throws InterruptedException {
        JsonNode job = api.runJob(environmentId, Map.of("type", "command", "nodes", List.of("node1"),
                "command", "docker service ls --format 'svc {{.Name}} {{.Replicas}} {{.Image}}'"), JOB_TIMEOUT);
        return BedInventories.parseServiceList(api.log(job)).get(service);
    }

    private void showHistory() {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("update-history")));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }
}
