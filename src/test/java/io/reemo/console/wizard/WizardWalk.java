package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Node;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** What an operator does on the wizard's pages in the browser, for the walks of each topology on the test bed. */
final class WizardWalk {


    private final Browser browser;
    private final WebDriver driver;
    private final TestBed bed;
    private int nodesAdded;

    WizardWalk(Browser browser, TestBed bed) {
        this.browser = browser;
        this.driver = browser.driver();
        this.bed = bed;
    }

    /** From the home page: names the environment and picks its topology ({@code SINGLE}, {@code CLUSTER}, {@code DEDICATED}). */
    void start(String name, String topology, String screenshot) {
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("new-environment")));
        driver.findElement(By.id("new-environment")).click();
        driver.findElement(By.id("env-name")).sendKeys(name);
        driver.findElement(By.cssSelector("input[name=topology][value=" + topology + "]")).click();
        browser.screenshot(screenshot);
        driver.findElement(By.cssSelector("#topology-form button[type=submit]")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/wizard/\\d+/nodes$"));
    }

    /** Adds a bed node to a cluster ({@code null}: the only one) with the bed's key file. */
    void addNode(Node node, String group) {
        if (group != null) {
            new Select(driver.findElement(By.id("node-group"))).selectByValue(group);
        }
        type("name", node.name());
        type("address", node.address());
        type("port", String.valueOf(node.sshPort()));
        type("user", node.sshUser());
        driver.findElement(By.cssSelector("input[name=authKind][value=KEY_FILE]")).click();
        type("privateKeyFile", bed.privateKey().toString());
        driver.findElement(By.id("add-node-button")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("node-" + node.name())));
        nodesAdded++;
    }

    /** "Test connection", compares the fingerprint with the bed's, pins it, and waits for the facts it starts. */
    void pinAndReadFacts(Node node, String dialogScreenshot) {
        driver.findElement(By.cssSelector("#node-" + node.name() + " .test-connection")).click();
        WebElement dialog = browser.waitUpTo(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.hostkey-dialog")));
        assertThat(dialog.findElement(By.cssSelector(".fingerprint")).getText()).isEqualTo(node.hostKeySha256());
        if (dialogScreenshot != null) {
            browser.screenshot(dialogScreenshot);
        }
        dialog.findElement(By.cssSelector(".pin-key")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#node-" + node.name() + " .pinned")));
        // Pinning starts a facts job on the node; its findings replace the "Reading facts…" line.
        WebElement facts = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#facts-" + node.name() + " .facts-summary")));
        assertThat(facts.getText()).contains("CPU", "RAM", "Docker", "Swarm").doesNotContain("absent");
    }

    /** A screenshot of the viewport with this element in it (screenshots show only what is on screen). */
    void screenshotAt(String name, By element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                driver.findElement(element));
        browser.screenshot(name);
    }

    void fill(Map<String, String> values) {
        values.forEach((name, value) -> {
            WebElement input = driver.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** The bed's registry on the Registry page, then "Test login": logged in, from the console and from the nodes. */
    void registry(String screenshot) {
        fill(Map.of("REGISTRY_URL", bed.registryUrl(), "REGISTRY_ENV", bed.registryEnv(),
                "REGISTRY_USERNAME", bed.registryUser(), "REGISTRY_PASSWORD", bed.registryPassword()));
        try {
            driver.findElement(By.id("registry-ca")).sendKeys(Files.readString(bed.registryCaCert()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var before = driver.findElements(By.cssSelector("#registry-result > *"));
        driver.findElement(By.id("registry-test")).click();
        if (!before.isEmpty()) {
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        WebElement login = browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#registry-result .registry-ok, #registry-result .alert.error")));
        assertThat(login.getText()).as(driver.findElement(By.id("registry-result")).getText()).startsWith("Logged in to");
        assertThat(driver.findElement(By.cssSelector("#registry-result table.tags")).getText()).contains("DOCKER_VERSION_API", "2.13.10");
        assertThat(driver.findElements(By.cssSelector("#registry-node-logins li"))).extracting(WebElement::getText)
                .hasSize(nodesAdded).allMatch(line -> line.startsWith("ok") && line.contains("logged in to"));
        // The test also fills the tags each versions input offers.
        assertThat(driver.findElements(By.cssSelector("#tags-DOCKER_VERSION_API option"))).extracting(o -> o.getAttribute("value"))
                .contains("2.13.10");
        screenshotAt(screenshot, By.id("registry-test"));
    }

    /** "Test from the API nodes" on the Database page with DB_HOST as typed; returns the verdict shown. */
    String testDatabase(String dbHost) {
        fill(Map.of("DB_HOST", dbHost));
        var before = driver.findElements(By.cssSelector("#database-result > *"));
        driver.findElement(By.id("database-test")).click();
        if (!before.isEmpty()) {
            browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        return browser.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("database-verdict")))
                .findElement(By.xpath("..")).getText();
    }

    /** Saves the page and waits for the next one, so no lookup runs on the page being left. */
    void next(String slug) {
        driver.findElement(By.cssSelector("button[name=go][value=next]")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/wizard/\\d+/" + slug + "$"));
    }

    /** On the Review page: nothing to fix, and the plan read from the clusters shown beside the inventory. */
    WebElement reviewWithPlan() {
        assertThat(driver.findElement(By.tagName("h2")).getText()).contains("Review");
        assertThat(driver.findElements(By.cssSelector(".problem-list li.error"))).isEmpty();
        browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#plan table.plan-changes, #plan #plan-empty")));
        return driver.findElement(By.id("plan"));
    }

    /** Clicks Install or Apply and waits for the job's live view to end; returns its final status. */
    String runAndAwait(String button, Duration timeout) {
        driver.findElement(By.id(button)).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/jobs/\\d+$"));
        return browser.awaitJobEnd(timeout);
    }

    private void type(String name, String value) {
        WebElement input = driver.findElement(By.cssSelector("#add-node [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }
}
