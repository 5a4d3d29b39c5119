package io.reemo.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person watching a job in Chromium: lines arrive live, the state ends final, older lines load on demand. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + JobPageIT.PASSWORD)
@Import(TestEnvironments.class)
class JobPageIT {

    static final String PASSWORD = "job-page-it-secret";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("job-page-it")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryEnvironments environments;

    private Browser page;
    private WebDriver browser;
    private ConsoleClient api;
    private Environment env;

    @BeforeEach
    void openBrowser() {
        page = new Browser("http://127.0.0.1:" + port);
        browser = page.driver();
        api = new ConsoleClient(port, "admin", PASSWORD);
        env = environments.save(TestBed.environment(0, "page", TestBed.get().nodes()).withId(null), Fixtures.BY_TEST);
        page.login("admin", PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        page.close();
    }

    private long startJob(String command) {
        ConsoleClient.Response response = api.post("/api/v1/environments/" + env.id() + "/jobs", Map.of("type", "command", "command", command));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void watchingARunningJobShowsLinesAsTheyArriveAndTheFinalState() throws Exception {
        long id = startJob("for i in $(seq 1 24); do echo \"tick $i\"; [ $i = 12 ] && echo 'half way' >&2; sleep 0.25; done");
        browser.get("http://127.0.0.1:" + port + "/jobs/" + id);

        assertThat(browser.findElement(By.id("job-badge")).getText()).isIn("queued", "running");
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "tick 3"));
        assertThat(browser.findElement(By.id("log")).getText()).as("arrives live, before the end").doesNotContain("tick 24");
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("job-badge"), "succeeded"));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "100%"));
        page.screenshot("job-page-finished");

        List<WebElement> node1Ticks = browser.findElements(By.cssSelector("#log .line[data-node='node1']"))
                .stream().filter(l -> l.getText().contains("tick ")).toList();
        assertThat(node1Ticks).hasSize(24);
        for (int i = 0; i < 24; i++) {
            assertThat(node1Ticks.get(i).getText()).endsWith("[command] [node1] tick " + (i + 1));
        }
        WebElement stderr = browser.findElement(By.cssSelector("#log .line.stderr[data-node='node2']"));
        assertThat(stderr.getText()).contains("half way");
        assertThat(stderr.findElement(By.className("tx")).getCssValue("color")).isEqualTo("rgba(255, 155, 155, 1)");
        assertThat(browser.findElements(By.cssSelector("#job-state .node-state .dot.succeeded"))).hasSize(3);

        // filter by node: only node3's lines stay visible
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-node"))).selectByValue("node3");
        assertThat(browser.findElements(By.cssSelector("#log .line")).stream().filter(WebElement::isDisplayed)
                .allMatch(l -> l.getText().contains("[node3]"))).isTrue();
    }

    @Test
    void aLongLogOpensAtItsTailAndLoadsEarlierLinesOnDemand() throws Exception {
        long id = startJob("seq 1 3000");
        api.awaitEnd(id, Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + port + "/jobs/" + id);

        List<WebElement> shown = browser.findElements(By.cssSelector("#log .line"));
        assertThat(shown).hasSize(JobPageController.PAGE);
        long firstShown = Long.parseLong(shown.get(0).getAttribute("data-seq"));
        browser.findElement(By.id("load-earlier")).click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#log .line")).size() == 2 * JobPageController.PAGE);
        long firstNow = Long.parseLong(browser.findElements(By.cssSelector("#log .line")).get(0).getAttribute("data-seq"));
        assertThat(firstNow).isEqualTo(firstShown - JobPageController.PAGE);
    }

    @Test
    void cancellingFromThePageStopsTheJob() {
        long id = startJob("echo waiting; sleep 600");
        browser.get("http://127.0.0.1:" + port + "/jobs/" + id);
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), "waiting"));

        browser.findElement(By.id("cancel")).click();
        waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-notice"), "Cancel requested"));
        waitUpTo(20).until(ExpectedConditions.textToBe(By.id("job-badge"), "cancelled"));
        assertThat(browser.findElement(By.id("log")).getText()).contains("Cancel requested by admin");
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
    }

}
