package io.reemo.console.admin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A person reading a 3-node cluster's logs in Chromium, on the real test bed: the portal followed live while
 * requests through Traefik make its stand-in log, then the searches across nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=" + LogsBrowserIT.PASSWORD, "console.data-dir=target/test-data/logs-browser"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogsBrowserIT {

    static final String PASSWORD = "logs-browser-it";
    static final String PORTAL_URL = "portal.bed.test";
    private static final int REQUESTS = 20;

    @LocalServerPort
    int port;
    @Autowired
    LiveLogs liveLogs;

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private long environmentId;
    private Browser page;
    private WebDriver browser;

    @BeforeAll
    void installACluster() throws Exception {
        FileSystemUtils.deleteRecursively(new File("target/test-data/logs-browser"));
        bed.reset();
        api = new ConsoleClient(port, "admin", PASSWORD);
        environmentId = api.importAndInstall("logs-" + System.nanoTime(), BedInventories.simpleCluster(bed, PORTAL_URL), bed);
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
    void aPortalLineAppearsLiveWithinASecondOfTheRequest() throws Exception {
        page.open("/environments/" + environmentId + "/logs");
        browser.findElement(By.cssSelector("#live-services input[value='reemo_portal']")).click();
        browser.findElement(By.id("live-start")).click();
        page.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#node-states .logs-node.following")).size() == 3);
        page.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#log .line[data-service='reemo_portal']")).isEmpty());

        recordWhenLinesArrive();
        List<Long> latencies = new ArrayList<>();
        String first = "/logs-it-" + System.nanoTime() + "-";
        for (int i = 0; i < REQUESTS; i++) {
            String path = first + i;
            BedInventories.fetch("https://10.199.0.1" + path, PORTAL_URL); // the stand-in logs the path, whatever it answers
            long served = System.currentTimeMillis();
            page.waitUpTo(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(20)).until(d -> arrivedAt(path) != null);
            latencies.add(arrivedAt(path) - served);
        }
        scrollTo("node-states");
        page.screenshot("logs-live-portal");
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2);
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        report("live latency over " + REQUESTS + " requests (ms, request answered → line in the page): p50 " + p50 + ", p95 " + p95
                + ", max " + sorted.get(sorted.size() - 1) + ", all " + latencies);

        assertThat(p50).as("median latency, ms; all: " + latencies).isLessThanOrEqualTo(1000);
        assertThat(latencies.get(0)).as("the first request's line, ms").isLessThanOrEqualTo(1000);
        measureABurst();
        WebElement line = browser.findElements(By.cssSelector("#log .line")).stream()
                .filter(l -> l.getText().contains(first + "0")).findFirst().orElseThrow();
        assertThat(line.getAttribute("data-service")).isEqualTo("reemo_portal");
        assertThat(line.getAttribute("data-node")).matches("node[123]");
        assertThat(line.getText()).startsWith(line.findElement(By.className("t")).getText() + " node").contains(" reemo_portal ");
    }

    @Test
    @Order(2)
    void pausingHoldsNewLinesBackUntilResumedAndTheFilterHidesOthers() throws Exception {
        browser.findElement(By.id("pause")).click();
        String path = "/logs-it-paused-" + System.nanoTime();
        BedInventories.fetch("https://10.199.0.1" + path, PORTAL_URL);
        page.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.textMatches(By.id("pause"), java.util.regex.Pattern.compile("Resume \\([1-9]\\d* new\\)")));
        assertThat(shown(path)).as("held back while paused").isFalse();

        browser.findElement(By.id("pause")).click();
        assertThat(shown(path)).isTrue();
        browser.findElement(By.id("filter")).sendKeys(path);
        List<WebElement> visible = browser.findElements(By.cssSelector("#log .line")).stream().filter(WebElement::isDisplayed).toList();
        assertThat(visible).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).contains(path));
        scrollTo("node-states");
        page.screenshot("logs-live-filtered");
    }

    @Test
    @Order(3)
    void leavingThePageStopsEveryRemoteTail() throws Exception {
        assertThat(liveLogs.open()).isEqualTo(1);
        assertThat(remoteTails()).as("one tail per node while the page is open").isEqualTo(3);

        page.open("/environments/" + environmentId + "/logs/search");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((liveLogs.open() > 0 || remoteTails() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(liveLogs.open()).as("live views left open").isZero();
        assertThat(remoteTails()).as("remote tails left running on the nodes").isZero();
    }

    @Test
    @Order(4)
    void thePresetFillsTheSearchAndEveryNodeAnswersAndAPatternFindsTheRequestOnItsNodes() throws Exception {
        page.open("/environments/" + environmentId + "/logs");
        browser.findElement(By.id("preset-http-500")).click();
        page.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("search-results")));
        assertThat(browser.findElement(By.id("search-pattern")).getAttribute("value")).isEqualTo(" 500 [0-9]");
        assertThat(browser.findElement(By.id("search-regex")).isSelected()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#search-results .search-node")))
                .extracting(n -> n.getAttribute("data-node")).containsExactly("node1", "node2", "node3");
        assertThat(browser.findElements(By.cssSelector("#search-results .node-problem"))).isEmpty();
        scrollTo("search-results");
        page.screenshot("logs-search-preset");

        String path = "/logs-it-search-" + System.nanoTime();
        BedInventories.fetch("https://10.199.0.2" + path, PORTAL_URL);
        WebElement pattern = browser.findElement(By.id("search-pattern"));
        pattern.clear();
        pattern.sendKeys(path);
        browser.findElement(By.id("search-regex")).click();
        browser.findElement(By.id("search-from")).sendKeys("10m");
        browser.findElement(By.id("search-run")).click();
        // htmx swaps the form in with the results: the field found may be replaced before it is read
        page.waitUpTo(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("search-pattern")).getAttribute("value").equals(path)
                        && !d.findElements(By.cssSelector("#search-results .line")).isEmpty());
        List<WebElement> found = browser.findElements(By.cssSelector("#search-results .line"));
        assertThat(found).allSatisfy(l -> assertThat(l.getText()).contains(path).containsPattern(" node[123] (reemo_portal|traefik) "));
        assertThat(found).extracting(l -> l.getAttribute("data-service")).contains("reemo_portal", "traefik");
        // node2's Traefik took the request; the portal task it chose may be on any node, node2 included.
        assertThat(browser.findElements(By.cssSelector("#search-results .search-node[data-node='node2'] .line")))
                .as("the Traefik task that took the request is node2's").extracting(WebElement::getText)
                .anySatisfy(line -> assertThat(line).contains(" node2 traefik "));
        scrollTo("search-results");
        page.screenshot("logs-search-pattern");

        browser.findElement(By.id("search-regex")).click();
        pattern = browser.findElement(By.id("search-pattern"));
        pattern.clear();
        pattern.sendKeys("([unclosed");
        browser.findElement(By.id("search-run")).click();
        page.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("search-pattern-problem")));
        assertThat(browser.findElement(By.id("search-pattern-problem")).getText()).startsWith("Not a valid regular expression");
    }

    @Test
    @Order(5)
    void aUserWithAsManyLiveViewsAsAllowedIsToldSoAndGetsTheViewOnceOneCloses() throws Exception {
        String session = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpRequest stream = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/environments/" + environmentId
                + "/logs/stream?services=reemo_portal&from=5m")).header("Cookie", session).build();
        HttpClient http = HttpClient.newHttpClient();
        List<InputStream> views = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // four tabs of the same user: the cap
            HttpResponse<InputStream> view = http.send(stream, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(view.statusCode()).isEqualTo(200);
            views.add(view.body());
        }
        HttpResponse<String> fifth = http.send(stream, HttpResponse.BodyHandlers.ofString());
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(fifth.body()).startsWith("You have 4 live log views open already");

        page.open("/environments/" + environmentId + "/logs?services=reemo_portal&from=5m");
        assertThat(browser.findElement(By.id("live-busy")).getText()).startsWith("You have 4 live log views open already")
                .endsWith("close one, then try again.");
        assertThat(browser.findElements(By.id("node-states"))).as("no view is opened past the cap").isEmpty();
        page.screenshot("logs-live-cap");

        for (InputStream view : views) {
            view.close(); // the tabs go away; the console sees it at its next write (a heartbeat within 10 s)
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (liveLogs.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(liveLogs.open()).as("views left open after their clients went away").isZero();
        page.open("/environments/" + environmentId + "/logs?services=reemo_portal&from=5m");
        assertThat(browser.findElements(By.id("live-busy"))).isEmpty();
        page.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#node-states .logs-node.following")).size() == 3);
    }

    /** A figure, not a check: how fast a burst of requests from 8 clients shows up, in requests and lines per second. */
    private void measureABurst() throws Exception {
        int requests = 200;
        String prefix = "/logs-it-burst-" + System.nanoTime() + "-";
        long linesBefore = lineCount();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < requests; i++) {
            String url = "https://10.199.0." + (i % 3 + 1) + prefix + i; // every node's Traefik
            clients.execute(() -> {
                try {
                    BedInventories.fetch(url, PORTAL_URL);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        double sent = (System.nanoTime() - started) / 1e9;
        page.waitUpTo(Duration.ofSeconds(30)).until(d -> shown(prefix + (requests - 1)) && (Long) ((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('#log .line')).filter(l => l.textContent.indexOf(arguments[0]) >= 0).length",
                prefix) >= requests);
        double seen = (System.nanoTime() - started) / 1e9;
        long lines = lineCount() - linesBefore;
        report(String.format(java.util.Locale.ROOT, "burst: %d requests through Traefik by 8 clients sent in %.1f s, all in the page after %.1f s: "
                + "%.0f requests/s end to end, %.0f lines/s shown (%d lines; page keeps 5000)", requests, sent, seen, requests / seen, lines / seen, lines));
    }

    private long lineCount() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('#log .line').length");
    }

    /** The page notes when each request's line is added (browser and test share the machine's clock). */
    private void recordWhenLinesArrive() {
        ((JavascriptExecutor) browser).executeScript("window.arrivals = {};"
                + "new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {"
                + "  const at = node.nodeType === 1 ? node.textContent.indexOf('/logs-it-') : -1;"
                + "  if (at >= 0) { const path = node.textContent.substring(at).split(/\\s/)[0];"
                + "    window.arrivals[path] = window.arrivals[path] || Date.now(); }"
                + "}))).observe(document.getElementById('log'), {childList: true});");
    }

    private Long arrivedAt(String path) {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.arrivals[arguments[0]] || null", path);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private boolean shown(String text) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('log').textContent.indexOf(arguments[0]) >= 0", text);
    }

    /**
     * The live views' {@code tail -F} processes on the bed. The bed's nodes share the machine's process table, so node1
     * sees all three nodes' tails; only a tail has the resolved file name in its command line (its shell has "$f").
     */
    private int remoteTails() throws InterruptedException {
        JsonNode job = api.runJob(environmentId, Map.of("type", "command", "nodes", List.of("node1"),
                "command", "echo \"tails=$(pgrep -c -f '^tail -n [+]1 -F /var/log/syslog$' || true)\""), Duration.ofSeconds(60));
        return api.log(job).lines().filter(l -> l.contains("tails=")).mapToInt(l -> Integer.parseInt(l.substring(l.indexOf("tails=") + 6).strip()))
                .findFirst().orElse(-1);
    }

    private static void report(String figure) throws IOException {
        System.out.println("[LogsBrowserIT] " + figure);
        Path file = Path.of("target", "logs-figures.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, figure + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
