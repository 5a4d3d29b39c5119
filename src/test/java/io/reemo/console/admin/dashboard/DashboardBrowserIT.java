package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.node.CommandResult;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in Chromium on the real test bed: a 3-node cluster installed through the API with the healthcheck on,
 * then an api update through the API and a service scaled behind the console's back, both of which the open page
 * shows without a reload. The healthcheck is asked as in production: https on 443 of each Traefik node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONSOLE_ADMIN_PASSWORD=" + DashboardBrowserIT.PASSWORD, "console.data-dir=target/test-data/dashboard-it"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    static final String PASSWORD = "dashboard-it";
    private static final String PORTAL_URL = "portal.bed.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LIVE_UPDATE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    private NodeSessions sessions;

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private Browser browser;
    private long environmentId;

    @BeforeAll
    void installAClusterWithTheHealthcheckOn() throws InterruptedException {
        FileSystemUtils.deleteRecursively(new File("target/test-data/dashboard-it/console.mv.db"));
        bed.reset();
        api = new ConsoleClient(port, "admin", PASSWORD);
        String inventory = BedInventories.simpleCluster(bed, PORTAL_URL).replace("PORTAL_URL: \"" + PORTAL_URL + "\"\n",
                "PORTAL_URL: \"" + PORTAL_URL + "\"\n        HEALTHCHECK_ENABLE: \"true\"\n");
        environmentId = api.importAndInstall("dash-" + System.nanoTime(), inventory, bed);
        browser = new Browser("http://localhost:" + port);
        browser.login("admin", PASSWORD);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * A viewer and an operator of the bed's LDAP directory (vera in console-viewers, otto in console-operators) sign in
     * on the form and see, on every page of the environment, what their role lets them do and nothing else; what the
     * pages do not offer, a typed URL does not open. Runs first, while the platform is as installed, so otto's verify passes.
     */
    @Test
    @Order(1)
    void aViewerAndAnOperatorFromTheDirectorySeeAndDoWhatTheirRoleAllows() throws Exception {
        TestBed.LdapDirectory directory = bed.directory();
        Map<String, Object> settings = new HashMap<>(Map.of("enabled", true, "url", directory.url(),
                "baseDn", directory.baseDn(), "userSearchBase", "ou=people", "userSearchFilter", "(uid={0})",
                "bindDn", directory.bindDn(), "bindPassword", directory.bindPassword(), "groupSearchBase", "ou=groups",
                "groupSearchFilter", "(member={0})", "adminGroup", "console-admins"));
        settings.putAll(Map.of("operatorGroup", "console-operators", "viewerGroup", "console-viewers"));
        assertThat(api.put("/api/v1/directory", settings).status()).isEqualTo(200);
        String dashboard = "/environments/" + environmentId;

        try (Browser vera = new Browser("http://localhost:" + port)) {
            vera.login("vera", "vera-directory-1");
            assertThat(vera.driver().findElement(By.id("environment-" + environmentId)).getText()).contains("dash-");
            assertThat(vera.driver().findElements(By.cssSelector("#new-environment, #nav-users, #nav-audit"))).isEmpty();
            vera.open(dashboard);
            vera.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("service-reemo_api")));
            assertThat(tabs(vera)).containsExactly("Dashboard", "Updates", "Maintenance", "Jobs", "History");
            assertThat(vera.driver().findElements(By.id("verify-now"))).isEmpty();
            vera.screenshot("roles-viewer-dashboard");
            vera.open(dashboard + "/maintenance");
            assertThat(vera.driver().findElements(By.id("maintenance-toggle"))).isEmpty();
            vera.open(dashboard + "/updates");
            assertThat(vera.driver().findElement(By.id("registry-status")).getText()).isNotBlank();
            assertThat(vera.driver().findElements(By.cssSelector("[id^=update-api-]"))).isEmpty();
            for (String refused : List.of(dashboard + "/settings", dashboard + "/logs", "/users", "/directory", "/audit", "/wizard")) {
                vera.open(refused);
                assertThat(vera.driver().findElement(By.tagName("h1")).getText()).as(refused).isEqualTo("Not allowed");
            }
            vera.open("/account");
            assertThat(vera.driver().findElement(By.id("account-role")).getText()).isEqualTo("VIEWER");
            assertThat(vera.driver().findElement(By.id("directory-account")).getText()).contains("directory password");
        }

        try (Browser otto = new Browser("http://localhost:" + port)) {
            otto.login("otto", "otto-directory-1");
            assertThat(otto.driver().findElements(By.cssSelector("#new-environment, #nav-users, #nav-audit"))).isEmpty();
            otto.open(dashboard + "/maintenance");
            assertThat(otto.driver().findElements(By.id("maintenance-toggle"))).hasSize(1);
            otto.open(dashboard);
            otto.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("service-reemo_api")));
            assertThat(tabs(otto)).containsExactly("Dashboard", "Updates", "Maintenance", "Logs", "Jobs", "History");
            otto.screenshot("roles-operator-dashboard");
            otto.driver().findElement(By.id("verify-now")).click();
            assertThat(otto.awaitJobEnd(JOB_TIMEOUT)).isEqualTo("succeeded");
            otto.screenshot("roles-operator-verify");
            for (String refused : List.of(dashboard + "/settings", "/users", "/directory", "/audit", "/wizard")) {
                otto.open(refused);
                assertThat(otto.driver().findElement(By.tagName("h1")).getText()).as(refused).isEqualTo("Not allowed");
            }
        }

        // the administrator reads otto's day in the audit trail: recorded at his first sign-in, signed in, his verify from start to end
        browser.open("/audit?user=otto");
        String trail = browser.driver().findElement(By.id("audit-results")).getText();
        assertThat(trail).contains("user.create").contains("from the directory, role OPERATOR by its groups").contains("login")
                .contains("job.start").containsPattern("job.end .*job \\d+ verify succeeded after \\d+ s");
        browser.screenshot("roles-operator-audit");
    }

    private static List<String> tabs(Browser user) {
        return user.driver().findElements(By.cssSelector("nav.tabs a")).stream().map(a -> a.getText().strip()).toList();
    }

    @Test
    @Order(2)
    void theDashboardShowsTheInstalledPlatformAndFollowsAScaleMadeBehindTheConsolesBack() throws Exception {
        browser.open("/");
        By row = By.id("environment-" + environmentId);
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(row, "healthy"));
        // the last job is the operator's verify of the walk before
        assertThat(browser.driver().findElement(row).getText()).contains("all 13 services running").containsPattern("verify #\\d+ succeeded");
        browser.screenshot("dashboard-environments-list");

        browser.driver().findElement(row).findElement(By.cssSelector("td a")).click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("service-reemo_api")));
        assertThat(text("service-reemo_api")).contains("4/4").contains("2.13.10");
        assertThat(text("service-reemo_portal")).contains("2/2");
        assertThat(text("service-traefik")).contains("3/3 (global)").contains("node1, node2, node3");
        assertThat(text("service-reemo_db")).contains("0/0").contains("one-shot job");
        assertThat(text("node-node1")).contains("reachable").contains("manager");
        assertThat(text("last-deploys")).contains("Last install: #").contains("succeeded");
        assertThat(text("healthcheck")).contains(PORTAL_URL).contains("asked through node").contains("api").contains("provision-api")
                .contains("Reemo SWARM").doesNotContain("No node answered");
        assertThat(browser.driver().findElements(By.cssSelector("#healthcheck .badge.error"))).isEmpty();
        assertThat(text("certificates")).contains("certificate authority").contains("reemo_api");
        browser.screenshot("dashboard-installed");
        scrollTo("service-reemo_api");
        browser.screenshot("dashboard-services");
        scrollTo("healthcheck");
        browser.screenshot("dashboard-healthcheck");

        ((JavascriptExecutor) browser.driver()).executeScript("window.dashboardNotReloaded = true;");
        JsonNode update = api.runJob(environmentId, Map.of("type", "update", "tags", List.of("api"),
                "versions", Map.of("DOCKER_VERSION_API", "2.14.0")), JOB_TIMEOUT);
        assertThat(update.get("status").asString()).as(api.log(update)).isEqualTo("succeeded");
        By apiVersion = By.cssSelector("#service-reemo_api .version");
        browser.waitUpTo(LIVE_UPDATE).until(ExpectedConditions.textToBe(apiVersion, "2.14.0"));
        browser.waitUpTo(LIVE_UPDATE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("service-reemo_api"), "succeeded"));
        assertThat(text("service-reemo_api")).contains("default version → 2.14.0 by job #" + update.get("id").asLong());
        assertThat(text("last-deploys")).contains("Last update: #" + update.get("id").asLong());

        scaleOnNode1("reemo_api", 2);

        By apiReplicas = By.cssSelector("#service-reemo_api .replicas");
        long shownAfter = System.nanoTime();
        browser.waitUpTo(LIVE_UPDATE).until(ExpectedConditions.textToBe(apiReplicas, "2/2"));
        System.out.printf("Dashboard showed the scale %d ms after docker service scale returned%n",
                (System.nanoTime() - shownAfter) / 1_000_000);
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.dashboardNotReloaded === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        assertThat(text("snapshot-time")).contains("one read serves every viewer");
        System.out.println("Dashboard snapshot: " + text("snapshot-time"));
        scrollTo("service-reemo_api");
        browser.screenshot("dashboard-after-scale");
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.driver().findElement(By.id(id)));
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** As an operator on node1 would, without the console: through the product's node module, not a job. */
    private void scaleOnNode1(String service, int replicas) {
        try (NodeSession node1 = sessions.open(bed.node("node1"))) {
            CommandResult result = node1.run("docker service scale --detach " + service + "=" + replicas, Duration.ofSeconds(30),
                    (stream, line) -> { });
            assertThat(result.exitCode()).isZero();
        }
    }
}
