package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.SwarmHealth;
import io.reemo.console.node.ViewerSessions;
import io.reemo.console.node.ViewerSessions.Served;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.swarm.Difference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@code GET …/drift} and {@code POST …/drift/accept} with the Swarms faked behind the viewers' sessions. The same
 * bean overrides and properties as the dashboard's drift panel test, so that both share one application context.
 */
@TestPropertySource(properties = "console.dashboard.max-age=0s")
class DriftApiTest extends ConsoleApiTest {

    private static final Difference REPLICAS = new Difference(Cluster.INFRA, "reemo_api", "replicas", "4", "2");

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
    void aViewerReadsEachDifferenceWithTheTimeOfTheReading() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        runs(REPLICAS);

        mvc.perform(get("/api/v1/environments/" + id + "/drift").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.differences.length()").value(1))
                .andExpect(jsonPath("$.differences[0].cluster").value("infra_manager"))
                .andExpect(jsonPath("$.differences[0].object").value("reemo_api"))
                .andExpect(jsonPath("$.differences[0].field").value("replicas"))
                .andExpect(jsonPath("$.differences[0].recorded").value("4"))
                .andExpect(jsonPath("$.differences[0].running").value("2"))
                .andExpect(jsonPath("$.readAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")));
    }

    @Test
    void noDifferenceIsAnEmptyList() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        runs();

        mvc.perform(get("/api/v1/environments/" + id + "/drift").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"differences\":[]")));
    }

    @Test
    void aClusterNoNodeOfWhichAnswersIsA502NamingTheNodes() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        when(sessions.read(anyString(), anyList(), any())).thenReturn(new Served<>(null, null,
                Map.of("infra1", "infra1 (10.0.0.1:22): connection refused")));

        mvc.perform(get("/api/v1/environments/" + id + "/drift").with(viewer()))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("infra1: infra1 (10.0.0.1:22): connection refused")));
        mvc.perform(get("/api/v1/environments/999999/drift").with(viewer())).andExpect(status().isNotFound());
    }

    @Test
    void acceptingIsForAdminsAndRecordsWhatTheSettingsCanSay() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        Difference env = new Difference(Cluster.INFRA, "reemo_api", "env", "LOG_LEVEL=info", "LOG_LEVEL=debug");
        runs(REPLICAS, env);

        mvc.perform(post("/api/v1/environments/" + id + "/drift/accept").with(viewer()))
                .andExpect(status().isForbidden());
        assertThat(environments.revisions(id)).hasSize(1);

        mvc.perform(post("/api/v1/environments/" + id + "/drift/accept").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.recorded[0].scope").value("infra_manager"))
                .andExpect(jsonPath("$.recorded[0].variable").value("REPLICAS_API"))
                .andExpect(jsonPath("$.recorded[0].before").value("4"))
                .andExpect(jsonPath("$.recorded[0].after").value("2"))
                .andExpect(jsonPath("$.restoredByNextInstall[0].field").value("env"));
        mvc.perform(get("/api/v1/environments/" + id + "/revisions").with(viewer()))
                .andExpect(jsonPath("$[0].number").value(2))
                .andExpect(jsonPath("$[0].cause").value("DRIFT_ACCEPTED"))
                .andExpect(jsonPath("$[0].user").value("admin"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runs(Difference... differences) {
        when(sessions.read(anyString(), anyList(), any()))
                .thenReturn((Served) new Served<>(Fixtures.node("infra1", "10.0.0.1"), List.of(differences), Map.of()));
    }
}
