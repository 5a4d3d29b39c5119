package io.reemo.console.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.support.ConsoleApiTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** The Audit page and GET /api/v1/audit: what an administrator sees, filtered, and what everyone else does not. */
class AuditTrailTest extends ConsoleApiTest {

    @Autowired
    private JsonMapper json;
    /** A user name of this test's own, so records of other tests never match. */
    private String who;

    @BeforeEach
    void records() {
        who = "u" + UUID.randomUUID().toString().substring(0, 8);
        insert("2026-01-10T09:00:00Z", "job.start", "environment 41 (prod)", "job 7 command {\"command\":\"uptime\"}");
        insert("2026-01-11T09:00:00Z", "login.failed", "address 10.0.0.7", null);
        insert("2026-01-12T09:00:00Z", "environment.update", "staging", "id 41");
        insert("2026-01-13T09:00:00Z", "login", "address 10.0.0.7", null);
        insert("2026-01-14T09:00:00Z", "job.start", "environment 4 (dev)", "job 8 facts {}");
    }

    private void insert(String at, String action, String target, String detail) {
        db.sql("INSERT INTO audit_event (at, username, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.parse(at), who, action, target, detail).update();
    }

    @Test
    void theApiFiltersByWhoWhatEnvironmentAndTimeNewestFirst() throws Exception {
        mvc.perform(get("/api/v1/audit").param("user", who).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].action").value("job.start"))
                .andExpect(jsonPath("$[0].target").value("environment 4 (dev)"))
                .andExpect(jsonPath("$[4].detail").value("job 7 command {\"command\":\"uptime\"}"))
                .andExpect(jsonPath("$[4].username").value(who));
        mvc.perform(get("/api/v1/audit").param("user", who).param("action", "login").with(admin()))
                .andExpect(jsonPath("$[*].action").value(contains("login", "login.failed")));
        // environment 41: its job (named by id) and its update (named by "id 41"), not environment 4's job
        mvc.perform(get("/api/v1/audit").param("user", who).param("environment", "41").with(admin()))
                .andExpect(jsonPath("$[*].action").value(contains("environment.update", "job.start")))
                .andExpect(jsonPath("$[1].target").value("environment 41 (prod)"));
        mvc.perform(get("/api/v1/audit").param("user", who).param("from", "2026-01-11T09:00:00Z").param("to", "2026-01-13T09:00:00Z").with(admin()))
                .andExpect(jsonPath("$[*].action").value(contains("login", "environment.update", "login.failed")));
        mvc.perform(get("/api/v1/audit").param("user", who).param("limit", "2").with(admin()))
                .andExpect(jsonPath("$[*].action").value(contains("job.start", "login")));
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'from' must be an ISO-8601 instant")));
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksUnderAHeaderRow() throws Exception {
        insert("2026-01-15T09:00:00Z", "job.start", "environment 5 (a, b)", "job 9 command {\"command\":\"echo \\\"hi\\\"\nuptime\"}");
        String expected = "id,at,username,action,target,detail\r\n"
                + "%d,2026-01-15T09:00:00Z," + who + ",job.start,\"environment 5 (a, b)\",\"job 9 command {\"\"command\"\":\"\"echo \\\"\"hi\\\"\"\nuptime\"\"}\"\r\n";
        long id = db.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
        mvc.perform(get("/api/v1/audit").param("user", who).param("limit", "1").param("format", "csv").with(admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(content().string(expected.formatted(id)));
        mvc.perform(get("/api/v1/audit").param("user", who).param("action", "login.failed").header("Accept", "text/csv").with(admin()))
                .andExpect(content().string(containsString(",login.failed,address 10.0.0.7,\r\n")));
    }

    @Test
    void onlyAdministratorsSeeTheAuditPageItsLinkAndTheApi() throws Exception {
        for (RequestPostProcessor user : new RequestPostProcessor[] {viewer(), operator()}) {
            mvc.perform(get("/audit").with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/audit").with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/jobs").with(user)).andExpect(content().string(not(containsString("id=\"nav-audit\""))));
        }
        mvc.perform(get("/jobs").with(admin())).andExpect(content().string(containsString("id=\"nav-audit\"")));
    }

    @Test
    void theFilterFormReloadsOnlyTheTableWithTheExportLinksCarryingItsFilters() throws Exception {
        mvc.perform(get("/audit").param("user", who).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Audit</h1>")))
                .andExpect(content().string(containsString("hx-get=\"/audit\"")))
                .andExpect(content().string(containsString("environment 41 (prod)")));
        mvc.perform(get("/audit").header("HX-Request", "true").with(admin())
                        .param("user", who).param("action", "login").param("environment", "").param("from", "2026-01-12T00:00").param("to", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<h1>Audit</h1>"))))
                .andExpect(content().string(containsString("id=\"audit-results\"")))
                .andExpect(content().string(containsString("2026-01-13 09:00:00")))
                .andExpect(content().string(not(containsString("login.failed"))))
                .andExpect(content().string(not(containsString("environment 41 (prod)"))))
                .andExpect(content().string(containsString("href=\"/api/v1/audit?action=login&amp;format=csv&amp;from=2026-01-12T00%3A00&amp;user=" + who + "\"")))
                .andExpect(content().string(containsString("href=\"/api/v1/audit?action=login&amp;format=json&amp;from=2026-01-12T00%3A00&amp;user=" + who + "\"")));
        mvc.perform(get("/audit").header("HX-Request", "true").param("from", "soon").with(admin()))
                .andExpect(content().string(containsString("&#39;from&#39; must be an ISO-8601 instant")))
                .andExpect(content().string(containsString("No audit record matches.")));
    }

    @Test
    void signInsSignOutsAndTokensAreAudited() throws Exception {
        // a script's HTTP Basic sign-in just before: the form's is recorded all the same
        mvc.perform(get("/api/v1/tokens").with(viewer())).andExpect(status().isOk());
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf())
                        .param("username", "viewer").param("password", VIEWER_PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        mvc.perform(post("/logout").with(csrf()).session(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login?logout"));
        String issued = mvc.perform(post("/api/v1/tokens").with(viewer()).contentType("application/json").content("{\"name\": \"ci\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long token = json.readTree(issued).get("id").asLong();
        mvc.perform(delete("/api/v1/tokens/" + token).with(viewer()))
                .andExpect(status().isNoContent());
        // the form's sign-in is always recorded; the two HTTP Basic ones that follow it from the same address are not
        mvc.perform(get("/api/v1/audit").param("user", "viewer").param("limit", "4").with(admin()))
                .andExpect(jsonPath("$[0].action").value("api-token.revoke"))
                .andExpect(jsonPath("$[0].target").value("token " + token + " (ci)"))
                .andExpect(jsonPath("$[1].action").value("api-token.issue"))
                .andExpect(jsonPath("$[2].action").value("logout"))
                .andExpect(jsonPath("$[3].action").value("login"))
                .andExpect(jsonPath("$[3].target").value("address 127.0.0.1"));
    }
}
