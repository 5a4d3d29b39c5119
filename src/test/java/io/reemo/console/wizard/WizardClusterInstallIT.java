package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Node;
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
 * An operator with an empty console walks the wizard for the 3-node cluster on the real test bed, pins each
 * host key through the dialog, installs, and watches the live log end in success.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=wizard-it", "console.data-dir=target/test-data/wizard-cluster"})
class WizardClusterInstallIT {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/wizard-cluster"));
    }

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();

    @Test
    void walksTheWizardFromAnEmptyConsoleToAnInstalledCluster() throws Exception {
        bed.reset();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            WizardWalk walk = new WizardWalk(browser, bed);
            browser.login("admin", "wizard-it");
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("new-environment")));
            browser.screenshot("wizard-00-home-empty");
            walk.start("bed-cluster", "CLUSTER", "wizard-01-start");

            for (Node node : bed.nodes()) {
                walk.addNode(node, null);
            }
            for (Node node : bed.nodes()) {
                walk.pinAndReadFacts(node, node.name().equals("node1") ? "wizard-02-hostkey-dialog" : null);
            }
            browser.screenshot("wizard-03-nodes");
            walk.next("license");

            walk.fill(Map.of("API_LICENSE", BedInventories.LICENSE));
            browser.screenshot("wizard-04-license");
            walk.next("registry");
            walk.registry("wizard-05-registry");
            walk.next("database");
            browser.screenshot("wizard-06-database");
            walk.next("portals");
            walk.fill(Map.of("PORTAL_URL", "portal.bed.test", "HMACSECRET", "bed-hmac-secret"));
            browser.screenshot("wizard-07-portals");
            walk.next("certificates");
            browser.screenshot("wizard-08-certificates");
            walk.next("options");
            new Select(driver.findElement(By.name("SWARM_ENDPOINT_MODE"))).selectByValue("dnsrr");
            browser.screenshot("wizard-09-options");
            walk.next("review");

            assertThat(walk.reviewWithPlan().getText()).contains("create service", "reemo_signal3");
            assertThat(driver.findElement(By.id("inventory")).getText()).contains("infra_manager", "node1", "portal.bed.test")
                    .doesNotContain(bed.registryPassword(), "bed-hmac-secret");
            walk.screenshotAt("wizard-10-review", By.cssSelector(".review-columns"));

            assertThat(walk.runAndAwait("install", INSTALL_TIMEOUT)).as(driver.getPageSource()).isEqualTo("succeeded");
            browser.screenshot("wizard-11-install-job");
            assertThat(driver.getPageSource()).contains("reemo_db");
        }
    }
}
