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
import org.openqa.selenium.WebElement;
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
            browser.login("admin", "wizard-it");
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("new-environment")));
            browser.screenshot("wizard-00-home-empty");
            driver.findElement(By.id("new-environment")).click();

            driver.findElement(By.id("env-name")).sendKeys("bed-cluster");
            driver.findElement(By.cssSelector("input[name=topology][value=CLUSTER]")).click();
            browser.screenshot("wizard-01-start");
            driver.findElement(By.cssSelector("#topology-form button[type=submit]")).click();

            for (Node node : bed.nodes()) {
                type(driver, "name", node.name());
                type(driver, "address", node.address());
                type(driver, "port", String.valueOf(node.sshPort()));
                type(driver, "user", node.sshUser());
                driver.findElement(By.cssSelector("input[name=authKind][value=KEY_FILE]")).click();
                type(driver, "privateKeyFile", bed.privateKey().toString());
                driver.findElement(By.id("add-node-button")).click();
                browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("node-" + node.name())));
            }
            for (Node node : bed.nodes()) {
                driver.findElement(By.cssSelector("#node-" + node.name() + " .test-connection")).click();
                WebElement dialog = browser.waitUpTo(Duration.ofSeconds(20))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.hostkey-dialog")));
                assertThat(dialog.findElement(By.cssSelector(".fingerprint")).getText()).isEqualTo(node.hostKeySha256());
                if (node.name().equals("node1")) {
                    browser.screenshot("wizard-02-hostkey-dialog");
                }
                dialog.findElement(By.cssSelector(".pin-key")).click();
                browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#node-" + node.name() + " .pinned")));
                // Pinning starts a facts job on the node; its findings replace the "Reading facts…" line.
                WebElement facts = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#facts-" + node.name() + " .facts-summary")));
                assertThat(facts.getText()).contains("CPU", "RAM", "Docker", "Swarm").doesNotContain("absent");
            }
            browser.screenshot("wizard-03-nodes");
            next(browser, "license");

            fill(driver, Map.of("API_LICENSE", BedInventories.LICENSE));
            browser.screenshot("wizard-04-license");
            next(browser, "registry");
            fill(driver, Map.of("REGISTRY_URL", bed.registryUrl(), "REGISTRY_ENV", bed.registryEnv(),
                    "REGISTRY_USERNAME", bed.registryUser(), "REGISTRY_PASSWORD", bed.registryPassword()));
            driver.findElement(By.id("registry-ca")).sendKeys(java.nio.file.Files.readString(bed.registryCaCert()));
            WebElement login = testRegistry(browser);
            assertThat(login.getText()).startsWith("Logged in to");
            assertThat(driver.findElement(By.cssSelector("#registry-result table.tags")).getText()).contains("DOCKER_VERSION_API", "2.13.10");
            browser.screenshot("wizard-05-registry");
            next(browser, "database");
            browser.screenshot("wizard-06-database");
            next(browser, "portals");
            fill(driver, Map.of("PORTAL_URL", "portal.bed.test", "HMACSECRET", "bed-hmac-secret"));
            browser.screenshot("wizard-07-portals");
            next(browser, "certificates");
            browser.screenshot("wizard-08-certificates");
            next(browser, "options");
            new Select(driver.findElement(By.name("SWARM_ENDPOINT_MODE"))).selectByValue("dnsrr");
            browser.screenshot("wizard-09-options");
            next(browser, "review");

            assertThat(driver.findElement(By.tagName("h2")).getText()).contains("Review");
            assertThat(driver.findElement(By.id("inventory")).getText()).contains("infra_manager", "node1", "portal.bed.test")
                    .doesNotContain(bed.registryPassword(), "bed-hmac-secret");
            assertThat(driver.findElements(By.cssSelector(".problem-list li.error"))).isEmpty();
            browser.screenshot("wizard-10-review");
            driver.findElement(By.id("install")).click();

            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/jobs/\\d+$"));
            browser.waitUpTo(INSTALL_TIMEOUT).until(d -> {
                String status = d.findElement(By.id("job-badge")).getText();
                return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled") || status.equals("interrupted");
            });
            browser.screenshot("wizard-11-install-job");
            assertThat(driver.findElement(By.id("job-badge")).getText()).as(driver.getPageSource()).isEqualTo("succeeded");
            assertThat(driver.getPageSource()).contains("reemo_db");
        }
    }

    private static void type(WebDriver driver, String name, String value) {
        WebElement input = driver.findElement(By.cssSelector("#add-node [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private static void fill(WebDriver driver, Map<String, String> values) {
        values.forEach((name, value) -> {
            WebElement input = driver.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
    }

    private static WebElement testRegistry(Browser browser) {
        var before = browser.driver().findElements(By.cssSelector("#registry-result > *"));
        browser.driver().findElement(By.id("registry-test")).click();
        if (!before.isEmpty()) {
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        return browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#registry-result .registry-ok, #registry-result .alert.error")));
    }

    /** Saves the page and waits for the next one, so no lookup runs on the page being left. */
    private static void next(Browser browser, String slug) {
        browser.driver().findElement(By.cssSelector("button[name=go][value=next]")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/wizard/\\d+/" + slug + "$"));
    }
}
