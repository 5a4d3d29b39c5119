package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** An operator imports the vendor's cluster example, whose certificate pair is split over two items, and finds each problem where it belongs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=wizard-import", "console.data-dir=target/test-data/wizard-import"})
class WizardImportIT {

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/wizard-import"));
    }

    @LocalServerPort
    int port;

    @Test
    void importedProblemsShowOnTheReviewAndBesideTheirFields() throws Exception {
        String inventory = Files.readString(Path.of("src/test/resources/inventories/cluster.split-certificate-item.yml"));
        try (Browser browser = new Browser("http://localhost:" + port)) {
            WebDriver driver = browser.driver();
            browser.login("admin", "wizard-import");
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("new-environment")));
            browser.open("/wizard");
            driver.findElement(By.id("import-name")).sendKeys("imported");
            // Typing 38 lines key by key is slow and fights the browser's indentation; a paste sets the value at once.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('import-text').value = arguments[0]", inventory);
            browser.screenshot("wizard-import-00-start");
            driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();

            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/wizard/\\d+/nodes$"));
            assertThat(driver.findElements(By.cssSelector("table.nodes tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.cssSelector(".page-problems")).getText()).contains("infra_manager1");
            browser.screenshot("wizard-import-01-nodes");

            String base = driver.getCurrentUrl().replaceFirst("/nodes$", "");
            driver.get(base + "/certificates");
            String certificateErrors = driver.findElement(By.id("f-TRAEFIK_SSL_CERTS-findings")).getText();
            assertThat(certificateErrors).as(driver.getPageSource()).isNotBlank();
            assertThat(driver.findElement(By.cssSelector(".wizard-steps li.current .step-errors")).getText()).isNotBlank();
            browser.screenshot("wizard-import-02-certificates");

            driver.get(base + "/registry");
            assertThat(driver.findElement(By.name("REGISTRY_USERNAME")).getAttribute("value")).isEqualTo("customer");
            assertThat(driver.findElement(By.name("REGISTRY_PASSWORD")).getAttribute("value")).isEmpty();
            assertThat(driver.findElement(By.name("REGISTRY_PASSWORD")).getAttribute("placeholder")).isEqualTo("set — leave empty to keep");
            assertThat(driver.getPageSource()).doesNotContain("registry-password");

            driver.get(base + "/review");
            String review = driver.findElement(By.cssSelector(".wizard")).getText();
            assertThat(review).contains("7. Certificates").contains("TRAEFIK_SSL_CERTS").contains("2. Nodes");
            assertThat(driver.findElement(By.id("install")).isEnabled()).isFalse();
            browser.screenshot("wizard-import-03-review");

            driver.findElement(By.linkText("7. Certificates")).click();
            assertThat(driver.getCurrentUrl()).endsWith("/certificates");
        }
    }
}
