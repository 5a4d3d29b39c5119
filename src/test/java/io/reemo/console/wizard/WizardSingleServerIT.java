package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The single-server walk on node1 of the test bed: every page, the review with the plan of what will be created,
 * the install; then the Settings tab changes one setting of the installed platform, shows the plan of that
 * change and applies it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=wizard-single", "console.data-dir=target/test-data/wizard-single"})
class WizardSingleServerIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/wizard-single"));
    }

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();

    @Test
    void installsASingleServerThenChangesOneSettingAndAppliesIt() {
        bed.reset();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            WizardWalk walk = new WizardWalk(browser, bed);
            browser.login("admin", "wizard-single");
            walk.start("bed-single", "SINGLE", "single-01-start");
            walk.addNode(bed.node("node1"), null);
            walk.pinAndReadFacts(bed.node("node1"), null);
            browser.screenshot("single-02-nodes");
            walk.next("license");
            walk.fill(Map.of("API_LICENSE", BedInventories.LICENSE));
            walk.next("registry");
            walk.registry("single-03-registry");
            walk.next("database");
            browser.screenshot("single-04-database");
            walk.next("portals");
            walk.fill(Map.of("PORTAL_URL", "single.bed.test", "HMACSECRET", "bed-hmac-secret"));
            walk.next("certificates");
            walk.next("options");
            new Select(driver.findElement(By.name("SWARM_ENDPOINT_MODE"))).selectByValue("dnsrr");
            assertThat(driver.findElement(By.name("SYSLOG_FACILITY_API")).getText()).contains("(default: same as SYSLOG_FACILITY (daemon))");
            browser.screenshot("single-05-options");
            walk.next("review");

            String plan = walk.reviewWithPlan().getText();
            assertThat(plan).contains("create service", "reemo_api", "reemo_mysql", "traefik");
            assertThat(driver.findElement(By.id("inventory")).getText()).contains("infra_manager", "node1", "single.bed.test");
            walk.screenshotAt("single-06-review", By.cssSelector(".review-columns"));
            assertThat(walk.runAndAwait("install", JOB_TIMEOUT)).as(driver.getPageSource()).isEqualTo("succeeded");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("database init");
            browser.screenshot("single-07-installed");

            String environment = driver.findElement(By.cssSelector("a[href^='/environments/']")).getAttribute("href")
                    .replaceFirst(".*/environments/", "");
            browser.open("/environments/" + environment + "/settings");
            assertThat(driver.findElement(By.cssSelector(".tabs a.active")).getText()).isEqualTo("Settings");
            browser.screenshot("single-08-settings-tab");
            driver.findElement(By.id("edit-settings")).click();
            assertThat(driver.findElement(By.id("editing-installed")).getText()).contains("You are editing an installed environment");
            driver.findElement(By.cssSelector(".wizard-steps a[href$='/options']")).click();
            new Select(driver.findElement(By.name("SYSLOG_FACILITY_API"))).selectByValue("local3");
            browser.screenshot("single-09-settings-options");
            walk.next("review");

            String change = walk.reviewWithPlan().getText();
            assertThat(change).contains("update service", "reemo_api").doesNotContain("create service", "reemo_mysql");
            walk.screenshotAt("single-10-settings-review", By.cssSelector(".review-columns"));
            assertThat(walk.runAndAwait("apply", JOB_TIMEOUT)).as(driver.getPageSource()).isEqualTo("succeeded");
            // The install ran with INIT_DB, the apply without: its steps end with the services and the summary.
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("services", "summary").doesNotContain("database init");
            browser.screenshot("single-11-applied");

            browser.open("/environments/" + environment + "/history");
            assertThat(driver.findElement(By.cssSelector("#history tbody tr")).getText())
                    .contains("settings applied", "SYSLOG_FACILITY_API", "local3");
            browser.screenshot("single-12-history");

            browser.open("/environments/" + environment + "/settings");
            assertThat(driver.findElement(By.id("settings")).getText()).contains("No change in progress");
            driver.findElement(By.id("edit-settings")).click();
            driver.findElement(By.cssSelector(".wizard-steps a[href$='/review']")).click();
            browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-empty")));
        }
    }
}
