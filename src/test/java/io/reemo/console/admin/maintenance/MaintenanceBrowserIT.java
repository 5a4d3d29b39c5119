package io.reemo.console.admin.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * An operator turns maintenance on from the toggle of an installed 3-node cluster on the real test bed: the
 * portal URL serves the maintenance page and every page of the environment says so; turning it off brings the
 * portal back as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=maintenance-it", "console.data-dir=target/test-data/maintenance-browser"})
class MaintenanceBrowserIT {

    private static final String PORTAL_URL = "portal.maintenance.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/maintenance-browser"));
    }

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();

    @Test
    void theToggleSwitchesWhatThePortalUrlServesAndBack() throws Exception {
        bed.reset();
        ConsoleClient api = new ConsoleClient(port, "admin", "maintenance-it");
        long id = api.importAndInstall("maintenance-bed", BedInventories.simpleCluster(bed, PORTAL_URL), bed);
        String portal = portalPage();
        assertThat(portal).contains("portal 2.12.6");

        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            browser.login("admin", "maintenance-it");
            browser.open("/environments/" + id + "/maintenance");
            assertThat(driver.findElement(By.id("maintenance-state")).getText()).isEqualTo("Maintenance mode is off");
            assertThat(driver.findElements(By.cssSelector(".maintenance-on"))).isEmpty();

            toggleAndConfirm(browser, "Turn on");
            browser.screenshot("maintenance-01-job-on");
            assertThat(portalPage()).contains("Maintenance").doesNotContain("portal 2.12.6");

            // The banner is on every page of the environment while maintenance is on.
            browser.open("/environments/" + id + "/maintenance");
            assertThat(driver.findElement(By.id("maintenance-state")).getText()).isEqualTo("Maintenance mode is on");
            assertThat(driver.findElement(By.cssSelector("#maintenance-banner .maintenance-on")).getText())
                    .contains("Maintenance mode is on.");
            browser.screenshot("maintenance-02-page-on");

            toggleAndConfirm(browser, "Turn off");
            assertThat(portalPage()).isEqualTo(portal);
            browser.open("/environments/" + id + "/maintenance");
            assertThat(driver.findElement(By.id("maintenance-state")).getText()).isEqualTo("Maintenance mode is off");
            assertThat(driver.findElements(By.cssSelector(".maintenance-on"))).isEmpty();
            assertThat(driver.findElement(By.id("maintenance-history")).getText()).contains("on", "off", "succeeded");
            browser.screenshot("maintenance-03-page-off");
        }
    }

    /** Opens the dialog, confirms, and waits on the job's live view for its end. */
    private static void toggleAndConfirm(Browser browser, String confirmLabel) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("maintenance-toggle")).click();
        var confirm = browser.waitUpTo(Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.id("maintenance-confirm-button")));
        assertThat(confirm.getText()).isEqualTo(confirmLabel);
        browser.screenshot("maintenance-00-confirm-" + confirmLabel.toLowerCase().replace(' ', '-'));
        confirm.click();
        browser.waitUpTo(JOB_TIMEOUT).until(ExpectedConditions.textToBe(By.id("job-badge"), "succeeded"));
    }

    private static String portalPage() throws Exception {
        String response = BedInventories.fetch("https://10.199.0.1/", PORTAL_URL);
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
