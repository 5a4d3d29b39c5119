package io.reemo.console.jobs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JobListPageTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;

    @AfterEach
    void forgetJobs() {
        db.sql("DELETE FROM job").update();
    }

    @Test
    void theHistoryNamesEachJobsEnvironmentAndFiltersByEnvironmentStatusAndType() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        job("install", id, "SUCCEEDED");
        job("maintenance", id, "FAILED");
        job("facts", 424242, "SUCCEEDED");

        mvc.perform(get("/jobs").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/environments/" + id + "\">cluster</a>")))
                .andExpect(content().string(containsString("deleted (424242)")))
                .andExpect(content().string(containsString("<option value=\"maintenance\">maintenance</option>")))
                .andExpect(content().string(containsString("2026-11-20 08:15:00")))
                .andExpect(content().string(containsString("Download the log of job")));

        mvc.perform(get("/jobs").param("environment", String.valueOf(id)).param("status", "failed").with(viewer()))
                .andExpect(content().string(containsString("<td>maintenance</td>")))
                .andExpect(content().string(not(containsString("<td>install</td>"))))
                .andExpect(content().string(containsString("Clear filters")))
                .andExpect(content().string(containsString("/environments/" + id + "/banner")));

        mvc.perform(get("/jobs").param("type", "facts").param("status", "").with(viewer()))
                .andExpect(content().string(containsString("<td>facts</td>")))
                .andExpect(content().string(not(containsString("<td>maintenance</td>"))));

        mvc.perform(get("/jobs").param("environment", String.valueOf(id)).param("type", "command").with(viewer()))
                .andExpect(content().string(containsString("No job matches.")));
    }

    private void job(String type, long environmentId, String status) {
        db.sql("""
                INSERT INTO job (type, environment_id, started_by, parameters, changing, status, created_at)
                VALUES (?, ?, 'admin', '{}', TRUE, ?, TIMESTAMP WITH TIME ZONE '2026-11-20 08:15:00+00')""")
                .param(type).param(environmentId).param(status).update();
    }
}
