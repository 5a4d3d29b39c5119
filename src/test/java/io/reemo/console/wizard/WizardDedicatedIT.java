package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The dedicated walk on a 1366x768 laptop screen: node1 the user portal cluster, node2 the admin portal cluster,
 * node3 the API cluster; one block per portal cluster on the Portals page, and a review with no problem and the
 * plan of the three clusters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=wizard-dedicated", "console.data-dir=target/test-data/wizard-dedicated"})
class WizardDedicatedIT {

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/wizard-dedicated"));
    }

    @LocalServerPort
    int port;

    private final TestBed bed = TestBed.get();

    @Test
    void walksEveryPageOfADedicatedPlatformToAReviewWithItsPlan() {
        bed.reset();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            driver.manage().window().setSize(new Dimension(1366, 768));
            WizardWalk walk = new WizardWalk(browser, bed);
            browser.login("admin", "wizard-dedicated");
            walk.start("bed-dedicated", "DEDICATED", "dedicated-01-start");
            Map<String, String> groups = Map.of("node1", "portaluser_manager", "node2", "portaladmin_manager", "node3", "api_manager");
            bed.nodes().forEach(node -> walk.addNode(node, groups.get(node.name())));
            bed.nodes().forEach(node -> walk.pinAndReadFacts(node, null));
            assertThat(driver.findElements(By.cssSelector(".cluster-block h3"))).extracting(e -> e.getText().split("\\s")[0])
                    .containsExactly("portaluser_manager", "portaladmin_manager", "api_manager");
            browser.screenshot("dedicated-02-nodes");
            walk.next("license");
            walk.fill(Map.of("API_LICENSE", BedInventories.LICENSE));
            walk.next("registry");
            walk.registry("dedicated-03-registry");
            walk.next("database");
            // The registry stands in for an external database: the API node reaches its port, not port 1.
            assertThat(walk.testDatabase("10.199.0.100:5000")).contains("Every API node reaches 10.199.0.100:5000", "node3")
                    .doesNotContain("node1");
            assertThat(walk.testDatabase("10.199.0.100:1")).contains("Not every API node reaches", "node3 cannot reach");
            walk.screenshotAt("dedicated-035-database-test", By.cssSelector(".database-check"));
            driver.findElement(By.name("DB_HOST")).clear();
            walk.next("portals");
            walk.fill(Map.of("portaluser_manager.PORTAL_URL", "user.bed.test", "portaladmin_manager.PORTAL_URL", "admin.bed.test",
                    "HMACSECRET", "bed-hmac-secret"));
            new Select(driver.findElement(By.name("portaluser_manager.PORTAL_TYPE"))).selectByValue("user");
            new Select(driver.findElement(By.name("portaladmin_manager.PORTAL_TYPE"))).selectByValue("admin");
            browser.screenshot("dedicated-04-portals");
            walk.next("certificates");
            walk.next("options");
            walk.next("review");

            String plan = walk.reviewWithPlan().getText();
            assertThat(plan).contains("portaluser_manager", "portaladmin_manager", "api_manager", "reemo_portal", "reemo_api")
                    .contains("create service");
            assertThat(driver.findElement(By.id("inventory")).getText()).contains("API_IP", "10.199.0.3", "PORTAL_TYPE: admin")
                    .doesNotContain("bed-hmac-secret", bed.registryPassword());
            assertThat(driver.findElement(By.id("install")).isEnabled()).isTrue();
            walk.screenshotAt("dedicated-05-review", By.cssSelector(".review-columns"));
        }
    }
}
