package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DriftService;
import io.reemo.console.deploy.InstallParameters;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.SwarmHealth;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobStatus;
import io.reemo.console.node.ViewerSessions;
import io.reemo.console.node.ViewerSessions.Served;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.swarm.Difference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The dashboard's drift panel and its two actions, with the Swarms faked behind the viewers' sessions. The same bean
 * overrides as {@code DriftApiTest}, so that both share one application context.
 */
@TestPropertySource(properties = "console.dashboard.max-age=0s")
class DriftPanelPageTest extends ConsoleApiTest {

    static final Difference PORTAL = new Difference(Cluster.INFRA, "reemo_portal", "image", "2.12.6", "2.13.11");
    static final Difference API = new Difference(Cluster.INFRA, "reemo_api", "replicas", "4", "2");
    static final Difference PROAPI = new Difference(Cluster.INFRA, "reemo_proapi", "endpoint mode", "vip", "dnsrr");

    @Autowired
    private Environments environments;
    @MockitoBean
    private ViewerSessions sessions;
    @MockitoBean
    private SwarmHealth swarms;
    @MockitoBean
    private PortalHealth health;
    @MockitoBean
    private JobLauncher launcher;

    @Test
    void eachDifferenceIsListedWithBothWaysOutForAnAdmin() throws Exception {
        long id = installed();
        runs(PORTAL, API, PROAPI);

        mvc.perform(get("/environments/" + id + "/dashboard/drift").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 differences from the recorded configuration")))
                .andExpect(content().string(matchesPattern("(?s).*<td>infra_manager</td>\\s*<td class=\"mono small\">reemo_portal</td>\\s*"
                        + "<td>image</td>\\s*<td class=\"mono small\">2.12.6</td>\\s*<td class=\"mono small\">2.13.11</td>.*")))
                .andExpect(content().string(containsString("<td>endpoint mode</td>")))
                .andExpect(content().string(matchesPattern("(?s).*read \\d+ s ago.*")))
                .andExpect(content().string(containsString("hx-trigger=\"every 15s\"")))
                .andExpect(content().string(containsString("Restore the recorded configuration…")))
                .andExpect(content().string(containsString("action=\"/environments/" + id + "/drift/restore\"")))
                .andExpect(content().string(allOf(containsString("DOCKER_VERSION_PORTAL 2.12.6 → 2.13.11"),
                        containsString("REPLICAS_API (infra_manager) 4 → 2"))))
                .andExpect(content().string(matchesPattern("(?s).*id=\"drift-accept-restores\">\\s*<li class=\"small\">"
                        + "infra_manager · reemo_proapi endpoint mode: dnsrr runs, vip recorded</li>.*")));
    }

    @Test
    void aViewerSeesTheDifferencesWithoutTheActions() throws Exception {
        long id = installed();
        runs(API);

        mvc.perform(get("/environments/" + id + "/dashboard/drift").with(viewer()))
                .andExpect(content().string(containsString("1 difference from the recorded configuration")))
                .andExpect(content().string(containsString("Only administrators may restore the recorded configuration")))
                .andExpect(content().string(not(containsString("drift/accept"))));
    }

    @Test
    void beforeTheFirstInstallNothingIsOfferedAndARestoreIsRefused() throws Exception {
        long id = notInstalled();
        runs(new Difference(Cluster.INFRA, Cluster.INFRA, "swarm", "formed", "none"));

        mvc.perform(get("/environments/" + id + "/dashboard/drift").with(admin()))
                .andExpect(content().string(containsString("1 difference from the recorded configuration")))
                .andExpect(content().string(containsString("Not installed yet: the first install")))
                .andExpect(content().string(not(containsString("drift/restore"))))
                .andExpect(content().string(not(containsString("drift/accept"))));
        mvc.perform(post("/environments/" + id + "/drift/restore").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/environments/" + id))
                .andExpect(flash().attribute("driftRefusal", containsString("never installed")));
        verify(launcher, never()).start(anyLong(), any(), any());
    }

    @Test
    void aSwarmThatRunsWhatWasRecordedSaysSo() throws Exception {
        long id = installed();
        runs();

        mvc.perform(get("/environments/" + id + "/dashboard/drift").with(viewer()))
                .andExpect(content().string(containsString("What runs is what the console")))
                .andExpect(content().string(not(containsString("from the recorded configuration"))));
    }

    @Test
    void aClusterThatCannotBeReadIsSaidNeverThrown() throws Exception {
        long id = installed();
        when(sessions.read(anyString(), anyList(), any())).thenReturn(new Served<>(null, null, Map.of("infra1", "connection refused")));

        mvc.perform(get("/environments/" + id + "/dashboard/drift").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not compared.")))
                .andExpect(content().string(containsString("The Swarm of infra_manager could not be read: no node answered (infra1: connection refused)")));
    }

    @Test
    void acceptingIsForAdminsAndRecordsARevision() throws Exception {
        long id = installed();
        runs(PORTAL, PROAPI);

        mvc.perform(post("/environments/" + id + "/drift/accept").with(viewer()).with(csrf())).andExpect(status().isForbidden());
        assertThat(environments.revisions(id)).hasSize(1);

        mvc.perform(post("/environments/" + id + "/drift/accept").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/environments/" + id))
                .andExpect(flash().attributeExists("driftAccepted"));
        assertThat(environments.revisions(id).get(0).cause()).isEqualTo(RevisionCause.DRIFT_ACCEPTED);
        assertThat(environments.get(id).vars()).containsEntry("DOCKER_VERSION_PORTAL", "2.13.11");
    }

    @Test
    void theDashboardSaysWhatWasRecordedAndWhatTheNextInstallRestores() throws Exception {
        long id = installed();
        DriftService.Acceptance accepted = new DriftService.Acceptance(
                List.of(new DriftService.SettingChange("all", "DOCKER_VERSION_PORTAL", "2.12.6", "2.13.11")), List.of(PROAPI), 2);

        mvc.perform(get("/environments/" + id).with(admin()).flashAttr("driftAccepted", accepted))
                .andExpect(content().string(containsString("What runs is recorded as revision 2:")))
                .andExpect(content().string(containsString("DOCKER_VERSION_PORTAL 2.12.6 → 2.13.11")))
                .andExpect(content().string(containsString("the next install restores them")))
                .andExpect(content().string(containsString("reemo_proapi endpoint mode: dnsrr runs, vip recorded")))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/dashboard/drift\"")));
    }

    @Test
    void restoringIsAnInstallWithoutInitDbForAdminsOnly() throws Exception {
        long id = installed();
        when(launcher.start(eq(id), eq(new InstallParameters(false, false)), any()))
                .thenReturn(new Job(41, "install", id, "admin", Map.of(), true, JobStatus.QUEUED, Instant.now(), null, null, null, 0, List.of()));

        mvc.perform(post("/environments/" + id + "/drift/restore").with(viewer()).with(csrf())).andExpect(status().isForbidden());
        verify(launcher, never()).start(anyLong(), any(), any());

        mvc.perform(post("/environments/" + id + "/drift/restore").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/jobs/41"));
    }

    /** An environment whose first install succeeded. */
    private long installed() {
        long id = notInstalled();
        db.sql("""
                INSERT INTO job (type, environment_id, started_by, parameters, changing, status, created_at, finished_at)
                VALUES ('install', ?, 'admin', '{"initDb":true}', TRUE, 'SUCCEEDED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                .params(id).update();
        return id;
    }

    private long notInstalled() {
        return environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runs(Difference... differences) {
        when(sessions.read(anyString(), anyList(), any()))
                .thenReturn((Served) new Served<>(Fixtures.node("infra1", "10.0.0.1"), List.of(differences), Map.of()));
    }
}
