package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.security.AuditLog;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class HostKeyControllerTest extends ConsoleApiTest {

    private static final String FIRST = "SHA256:94AhF+C+RYFUZR+HgL68PJ3Ilphxt2TpaBtOTg0oagk";
    private static final String SECOND = "SHA256:d89cQ1bqLxkMDLBrPwSfZq1vDfV0bNmbHqqRxsVJ2Cw";

    @Autowired
    private Environments environments;
    @Autowired
    private AuditLog audit;
    private long id;

    @BeforeEach
    void environment() {
        id = environments.save(Fixtures.single(), Fixtures.BY_TEST).id();
    }

    private String hostKey(String sha256, Boolean replace) {
        return "{\"sha256\": \"" + sha256 + "\"" + (replace == null ? "" : ", \"replace\": " + replace) + "}";
    }

    @Test
    void aNodeHasNoPinnedKeyUntilOneIsPinnedAndThePinIsAudited() throws Exception {
        mvc.perform(get("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pinned").value(false));

        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey(FIRST, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sha256").value(FIRST));

        mvc.perform(get("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(viewer()))
                .andExpect(jsonPath("$.pinned").value(true))
                .andExpect(jsonPath("$.sha256").value(FIRST));
        assertThat(audit.latest(10)).filteredOn(e -> e.action().equals("host-key.pin")).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("single/infra1");
            assertThat(e.username()).isEqualTo("admin");
            assertThat(e.detail()).isEqualTo(FIRST);
        });
    }

    @Test
    void replacingAPinnedKeyMustBeAskedFor() throws Exception {
        environments.pinHostKey(id, "infra1", FIRST, false, "test");

        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey(SECOND, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("\"replace\": true")));
        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey(FIRST, null)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey(SECOND, true)))
                .andExpect(status().isOk());

        assertThat(environments.get(id).node("infra1").orElseThrow().hostKeySha256()).isEqualTo(SECOND);
        assertThat(audit.latest(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("host-key.replace");
            assertThat(e.detail()).isEqualTo(SECOND + " replaces " + FIRST);
        });
    }

    @Test
    void aFingerprintInAnotherFormIsRefused() throws Exception {
        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey("d8:9c:aa:01", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("HOST_KEY"))
                .andExpect(jsonPath("$.problems[0].host").value("infra1"));
    }

    @Test
    void probingIsForAdministratorsWhichIsCheckedBeforeAnythingIsRead() throws Exception {
        mvc.perform(post("/api/v1/environments/{id}/nodes/infra1/host-key/probe", id).with(viewer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Not allowed: POST /api/v1/environments/" + id + "/nodes/infra1/host-key/probe"
                        + " is for administrators only; ask an administrator for that role."));
        mvc.perform(post("/api/v1/environments/{id}/nodes/infra1/host-key/probe", 987_654).with(viewer()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/environments/{id}/nodes/nope/host-key/probe", id).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Environment single has no node named nope."));
    }

    @Test
    void aNodeThatCannotBeReachedIs502NamingItAndWhy() throws Exception {
        Environment loopback = Fixtures.onLoopback(Fixtures.cluster());
        long unreachable = environments.save(new Environment(null, "unreachable", loopback.topology(), loopback.vars(), loopback.clusters()),
                Fixtures.BY_TEST).id();

        mvc.perform(post("/api/v1/environments/{id}/nodes/infra2/host-key/probe", unreachable).with(admin()))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail", containsString("infra2 (127.0.0.2:1)")))
                .andExpect(jsonPath("$.detail", containsString("cannot read the host key")));
    }

    @Test
    void anUnknownNodeIs404AndViewersCannotPin() throws Exception {
        mvc.perform(get("/api/v1/environments/{id}/nodes/nope/host-key", id).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Environment single has no node named nope."));
        mvc.perform(put("/api/v1/environments/{id}/nodes/infra1/host-key", id).with(viewer())
                        .contentType(MediaType.APPLICATION_JSON).content(hostKey(FIRST, null)))
                .andExpect(status().isForbidden());
    }
}
