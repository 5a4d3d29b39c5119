package io.reemo.console.admin.dashboard;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.health.ClusterState;
import io.reemo.console.health.HealthItem;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.SwarmHealth;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.swarm.SwarmStatus.NodeStatus;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import io.reemo.console.swarm.SwarmStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.json.JsonMapper;

/** The list, the dashboard page and its live fragment, with the nodes and the portal faked. */
@TestPropertySource(properties = "console.dashboard.max-age=0s")
class DashboardPagesTest extends ConsoleApiTest {

    private static final Instant UPDATED = Instant.parse("2026-03-01T10:15:30Z");

    @Autowired
    private Environments environments;
    @Autowired
    private JsonMapper json;
    @Autowired
    private DeploymentRecords records;
    @MockitoBean
    private SwarmHealth swarms;
    @MockitoBean
    private PortalHealth health;

    @Test
    void theHomePageSaysHowToStartWhenThereIsNoEnvironment() throws Exception {
        mvc.perform(get("/").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No environment yet")))
                .andExpect(content().string(containsString("hx-get=\"/wizard/drafts\"")))
                .andExpect(content().string(containsString("id=\"new-environment\"")));
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No environment yet")))
                .andExpect(content().string(not(containsString("/wizard/drafts"))))
                .andExpect(content().string(not(containsString("id=\"new-environment\""))));
    }

    @Test
    void theHomePageListsEachEnvironmentWithItsStateAndLinksToItsDashboard() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/environments/" + id + "\">cluster</a>")))
                .andExpect(content().string(containsString(">Cluster</span>")))
                .andExpect(content().string(containsString("<td>3</td>")))
                .andExpect(content().string(matchesPattern("(?s).*portal \\d[^ ]* · api \\d[^ ]* · db \\d.*")))
                .andExpect(content().string(containsString("(not installed yet)")))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/glance\"")))
                .andExpect(content().string(containsString("<span class=\"muted\">none</span>")))
                .andExpect(content().string(containsString("href=\"/environments/" + id + "/inventory.yml\"")))
                .andExpect(content().string(not(containsString("hx-get=\"/wizard/drafts\""))));
    }

    @Test
    void theGlanceSaysHealthyWhenEveryServiceRunsAndNamesWhatIsWrongOtherwise() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        when(swarms.read(any(), any())).thenReturn(cluster(service("reemo_api", 4, 4), service("reemo_db", 0, 0)));
        mvc.perform(get("/environments/" + id + "/glance").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">healthy</span>")))
                .andExpect(content().string(containsString("all 2 services running")));

        when(swarms.read(any(), any())).thenReturn(cluster(service("reemo_api", 4, 2), service("reemo_db", 1, 0)));
        mvc.perform(get("/environments/" + id + "/glance").with(viewer()))
                .andExpect(content().string(containsString(">attention</span>")))
                .andExpect(content().string(containsString("reemo_api 2/4")))
                .andExpect(content().string(not(containsString("reemo_db"))));
    }

    @Test
    void theDashboardShowsNodesServicesAndTheHealthcheckTreeWithWhatIsWrongInRed() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        records.recordVersionChange(id, 424_242, "DOCKER_VERSION_API", "2.12.0", "2.13.10");
        when(swarms.read(any(), any())).thenReturn(new ClusterState("infra_manager", "infra1",
                new SwarmStatus(List.of(swarmNode("infra1", "10.0.0.1", "ready"), swarmNode("infra3", "10.0.0.3", "down")),
                        List.of(service("reemo_api", 4, 2), service("reemo_db", 1, 0), service("reemo_portal", 2, 2))),
                Map.of("infra2", "infra2 (10.0.0.2:22): connection refused"), null));
        when(health.check(any())).thenReturn(List.of(new PortalHealth.Check("infra_manager", "portal.example.com", "infra1",
                HealthItem.parse("portal.example.com", json.readTree("""
                        {"status": "OK", "version": "2.14.4", "services": {
                          "api": {"status": "OK", "version": "2.15.2", "services": {
                            "db": {"status": "KO"},
                            "container-providers": [{"status": "OK", "name": "Reemo SWARM", "type": "SWARM"}]}},
                          "signal": {"status": "OK", "version": "2.6.1"}}}""")), null)));

        mvc.perform(get("/environments/" + id + "/dashboard/live").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
                .andExpect(content().string(containsString("read through infra1")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"node-infra1\" class=\"level-ok\">.*?>reachable</span>.*")))
                .andExpect(content().string(containsString("unreachable: infra2 (10.0.0.2:22): connection refused")))
                .andExpect(content().string(containsString("the Swarm reports it down")))
                .andExpect(content().string(containsString("manager (leader)")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_api\" class=\"level-error\">.*?badge replicas error\">2/4</span>.*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_db\" class=\"level-ok\">.*?badge replicas ok\">0/1</span>.*")))
                .andExpect(content().string(containsString(DashboardViews.ONE_SHOT_NOTE)))
                .andExpect(content().string(containsString("2.13.10")))
                .andExpect(content().string(containsString("2026-03-01 10:15:30 UTC")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_api\".*?2.12.0 → 2.13.10</span> by\\s*<a href=\"/jobs/424242\">job #424242</a>.*?job deleted.*")))
                .andExpect(content().string(containsString("<td class=\"small\">infra1, infra3</td>")))
                .andExpect(content().string(containsString("asked through infra1")))
                .andExpect(content().string(matchesPattern("(?s).*class=\"health-item failing\">\\s*<span class=\"badge error\">KO</span>\\s*<strong>db</strong>.*")))
                .andExpect(content().string(matchesPattern("(?s).*<span class=\"badge ok\">OK</span>\\s*<strong>Reemo SWARM</strong>.*")))
                .andExpect(content().string(containsString("Nodes read at ")))
                .andExpect(content().string(containsString("Never installed by this console.")));
    }

    @Test
    void theRunningVersionIsShownAndADifferenceFromTheRecordedOneIsSaid() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        ServiceStatus rolledBack = new ServiceStatus("reemo_api", "r/reemoinfraapi:2.13.10", 4, 4, false,
                List.of("infra1", "infra2", "infra3", "infra3"), List.of("2.14.0"), UPDATED, "rollback completed", "rolled back");
        ServiceStatus rolling = new ServiceStatus("reemo_proapi", "r/reemoinfraproapi:2.6.3", 2, 2, false,
                List.of("infra1", "infra2"), List.of("2.6.2", "2.6.3"), UPDATED, "updating", "");
        when(swarms.read(any(), any())).thenReturn(cluster(rolledBack, rolling, service("reemo_db", 0, 0)));

        mvc.perform(get("/environments/" + id + "/dashboard/live").with(viewer()))
                .andExpect(content().string(containsString("<th>Version running</th>")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_api\" class=\"level-warn\">.*?"
                        + "<span class=\"mono version\" title=\"r/reemoinfraapi:2.13.10\">2.14.0</span>\\s*"
                        + "<span class=\"badge warn recorded-version\">recorded 2.13.10</span>.*?Swarm is moving it to 2.13.10.*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_proapi\".*?>2.6.2 and 2.6.3</span>.*?"
                        + "recorded 2.6.2.*?tasks of both versions run: a rolling update is under way.*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"service-reemo_db\".*?>2.13.10</span>\\s*<div class=\"small muted\">no task runs</div>.*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"cluster-infra_manager\">.*?read \\d+ s ago</span></h2>.*")))
                .andExpect(content().string(matchesPattern("(?s).*<h2>Healthcheck <span class=\"small muted panel-age\">asked \\d+ s ago</span></h2>.*")))
                .andExpect(content().string(not(containsString("id=\"snapshot-stale\""))));

        mvc.perform(get("/environments/" + id + "/versions").with(viewer()))
                .andExpect(content().string(matchesPattern("(?s).*<span class=\"running-versions\" title=\"Running: api 2.14.0 \\(recorded 2.13.10\\), "
                        + "db 2.13.10, proapi 2.6.2 and 2.6.3 \\(recorded 2.6.2\\)\">.*")))
                .andExpect(content().string(matchesPattern("(?s).*<span\\s+class=\"badge warn\">api 2.14.0 \\(recorded 2.13.10\\)</span>"
                        + "<span> · </span><span>db 2.13.10</span>.*")))
                .andExpect(content().string(matchesPattern("(?s).*\\(running, read \\d+ s ago\\).*")));
        mvc.perform(get("/environments/" + id + "/glance").with(viewer()))
                .andExpect(content().string(containsString("reemo_api runs 2.14.0, recorded 2.13.10")))
                .andExpect(content().string(matchesPattern("(?s).*\\(read \\d+ s ago\\).*")));
    }

    @Test
    void theListSaysItShowsRecordedVersionsUntilTheNodesAreRead() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        when(swarms.read(any(), any())).thenReturn(ClusterState.unread("infra_manager", "infra1", Map.of(),
                "No Swarm on infra1 yet: the install forms it."));

        mvc.perform(get("/").with(viewer()))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/versions\"")));
        mvc.perform(get("/environments/" + id + "/versions").with(viewer()))
                .andExpect(content().string(matchesPattern("(?s).*portal \\d[^ ]* · api \\d[^ ]* · db \\d.*")))
                .andExpect(content().string(containsString("(not installed yet)")));
    }

    @Test
    void eachPanelSaysWhatItCouldNotReadInsteadOfFailing() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        when(swarms.read(any(), any())).thenThrow(new IllegalStateException("Docker on infra1 did not answer"));
        when(health.check(any())).thenReturn(List.of(new PortalHealth.Check("infra_manager", "portal.example.com", null, null,
                "No node answered https://portal.example.com/api/healthcheck (infra1: Connection refused).")));

        mvc.perform(get("/environments/" + id + "/dashboard/live").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Swarm not read.")))
                .andExpect(content().string(containsString("The Swarm could not be read: Docker on infra1 did not answer")))
                .andExpect(content().string(containsString("not checked: the Swarm could not be read")))
                .andExpect(content().string(containsString("infra1: Connection refused")));
    }

    @Test
    void aClusterWithoutSwarmYetIsNotInstalledRatherThanBroken() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        when(swarms.read(any(), any())).thenReturn(ClusterState.unread("infra_manager", "infra1", Map.of(),
                "No Swarm on infra1 yet: the install forms it."));

        mvc.perform(get("/environments/" + id + "/dashboard/live").with(viewer()))
                .andExpect(content().string(containsString("<strong>Not installed yet.</strong>")))
                .andExpect(content().string(containsString("reachable, no Swarm")))
                .andExpect(content().string(containsString("Off: no portal cluster sets HEALTHCHECK_ENABLE")));
        mvc.perform(get("/environments/" + id + "/glance").with(viewer()))
                .andExpect(content().string(containsString("badge warn\">attention</span>")))
                .andExpect(content().string(containsString("No Swarm on infra1 yet")));
    }

    @Test
    void thePageHasTheFrameThePollingPartAndCertificatesWithWarningsAheadOfExpiry() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        Instant now = Instant.now();
        storeInternalCertificate(id, "ca", now.plus(3650, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        storeInternalCertificate(id, "reemo_api", now.plus(10, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        storeInternalCertificate(id, "reemo_portal", now.minus(2, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS));

        mvc.perform(get("/environments/" + id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"environment-name\">cluster</h1>")))
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">Dashboard</a>")))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/dashboard/live\"")))
                .andExpect(content().string(allOf(
                        matchesPattern("(?s).*<td>reemo_portal</td>.*?badge error\">expired 2 days ago</span>.*"),
                        matchesPattern("(?s).*<td>reemo_api</td>.*?badge warn\">expires in 10 days</span>.*"),
                        matchesPattern("(?s).*<td>certificate authority</td>.*?badge ok\">expires in 3650 days</span>.*"))))
                .andExpect(content().string(matchesPattern("(?s).*reemo_portal.*reemo_api.*certificate authority.*")));
        mvc.perform(get("/environments/999999").with(viewer())).andExpect(status().isNotFound());
        mvc.perform(get("/environments/999999/dashboard/live").with(viewer())).andExpect(status().isNotFound());
    }

    private void storeInternalCertificate(long environmentId, String name, Instant notAfter) {
        db.sql("INSERT INTO pki_material (environment_id, name, certificate_pem, private_key_enc, not_after) VALUES (?, ?, ?, ?, ?)")
                .params(environmentId, name, "pem", "encrypted", OffsetDateTime.ofInstant(notAfter, ZoneOffset.UTC)).update();
    }

    private static ClusterState cluster(ServiceStatus... services) {
        return ClusterState.read("infra_manager", "infra1", new SwarmStatus(List.of(swarmNode("infra1", "10.0.0.1", "ready"),
                swarmNode("infra2", "10.0.0.2", "ready"), swarmNode("infra3", "10.0.0.3", "ready")), List.of(services)), Map.of());
    }

    private static NodeStatus swarmNode(String name, String address, String state) {
        return new NodeStatus(name, address, "manager", name.equals("infra1"), "active", state, "reachable", 2, 4L << 30, "27.5.1");
    }

    private static ServiceStatus service(String name, int desired, int running) {
        return new ServiceStatus(name, "10.199.0.100:5000/bed/reemoinfra" + name.substring(6) + ":2.13.10", desired, running, false,
                running == 0 ? List.of() : List.of("infra1", "infra3"), running == 0 ? List.of() : List.of("2.13.10"), UPDATED,
                "completed", "update completed");
    }
}
