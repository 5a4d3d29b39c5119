package io.reemo.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.support.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * What an open page does when one of its htmx fragments fails. The maintenance page polls the environment's banner
 * every 5 s and reads only the console's own database, so no node is contacted and no test bed is needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=fragments-it", "console.data-dir=target/test-data/fragment-failures"})
class FragmentFailureBrowserIT {

    /** A poll every 5 s, then the browser's own work. */
    private static final Duration NEXT_POLL = Duration.ofSeconds(15);

    static {
        FileSystemUtils.deleteRecursively(new java.io.File("target/test-data/fragment-failures"));
    }

    @LocalServerPort
    int port;

    private ConsoleClient api;
    private long environmentId;

    @BeforeEach
    void anEnvironment() throws Exception {
        api = new ConsoleClient(port, "admin", "fragments-it");
        String inventory = Files.readString(Path.of("src/test/resources/inventories/single-server.strict.yml"));
        ConsoleClient.Response created = api.postYaml("/api/v1/environments/import?name=fragments", inventory);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        environmentId = created.json().get("id").asLong();
    }

    /** The next test imports the same server, which may belong to one environment only. */
    @AfterEach
    void noEnvironment() {
        api.delete("/api/v1/environments/" + environmentId);
    }

    @Test
    void aPollingFragmentWhoseSessionEndedSendsTheWholeWindowToTheLoginPage() {
        try (Browser browser = maintenancePage()) {
            WebDriver driver = browser.driver();
            assertThat(driver.findElements(By.id("maintenance-banner"))).hasSize(1);

            driver.manage().deleteCookieNamed("JSESSIONID");
            browser.waitUpTo(NEXT_POLL).until(ExpectedConditions.urlMatches("/login$"));
            // the login page as a page of its own, not swapped into the banner of the page before
            assertThat(driver.findElements(By.id("maintenance-banner"))).isEmpty();
            assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
            browser.screenshot("fragments-01-session-ended");

            // signing in again shows a page, never the fragment that asked alone
            browser.login("admin", "fragments-it");
            assertThat(driver.getCurrentUrl()).doesNotContain("/banner");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Environments"));
        }
    }

    @Test
    void aFragmentThatFailsSaysSoWhereItIsAndKeepsPolling() {
        try (Browser browser = maintenancePage()) {
            WebDriver driver = browser.driver();
            assertThat(driver.findElements(By.cssSelector(".fragment-error"))).isEmpty();

            // deleted from elsewhere: the banner now answers 404
            assertThat(api.delete("/api/v1/environments/" + environmentId).status()).isEqualTo(204);
            By notice = By.cssSelector("#maintenance-banner .fragment-error");
            browser.waitUpTo(NEXT_POLL).until(ExpectedConditions.visibilityOfElementLocated(notice));
            assertThat(driver.findElement(notice).getText())
                    .isEqualTo("Could not refresh: the console answered 404. Retrying…");
            assertThat(driver.findElement(notice).getAttribute("role")).isEqualTo("alert");
            browser.screenshot("fragments-02-refresh-failed");

            // the banner goes on asking, and says it once however often it fails; the rest of the page stays
            JavascriptExecutor page = (JavascriptExecutor) driver;
            page.executeScript("window.failedPolls = 0; document.body.addEventListener('htmx:responseError',"
                    + " function () { window.failedPolls++; });");
            browser.waitUpTo(NEXT_POLL).until(d -> ((Number) page.executeScript("return window.failedPolls;")).intValue() > 0);
            assertThat(driver.findElements(By.cssSelector(".fragment-error"))).hasSize(1);
            assertThat(driver.findElement(By.id("maintenance-state")).getText()).isEqualTo("Maintenance mode is off");
        }
    }

    /** Signed in, on the environment's maintenance page, whose banner polls. */
    private Browser maintenancePage() {
        Browser browser = new Browser("http://localhost:" + port);
        try {
            browser.login("admin", "fragments-it");
            browser.open("/environments/" + environmentId + "/maintenance");
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }
}
