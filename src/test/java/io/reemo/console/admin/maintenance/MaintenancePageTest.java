package io.reemo.console.admin.maintenance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MaintenancePageTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private DeploymentRecords records;

    @Test
    void thePageShowsTheStateInTheEnvironmentsFrameAndOffersTheOppositeWithConfirmation() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/maintenance").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"environment-name\">cluster</h1>")))
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">Maintenance</a>")))
                .andExpect(content().string(containsString("Maintenance mode is off")))
                .andExpect(content().string(containsString("name=\"enable\" value=\"true\"")))
                .andExpect(content().string(containsString("Maintenance mode was never toggled")))
                .andExpect(content().string(not(containsString("Maintenance mode is on."))));

        records.setMaintenance(id, true);
        mvc.perform(get("/environments/" + id + "/maintenance").with(viewer()))
                .andExpect(content().string(containsString("<strong>Maintenance mode is on.</strong>")))
                .andExpect(content().string(containsString("name=\"enable\" value=\"false\"")));
        mvc.perform(get("/environments/" + id + "/banner").with(viewer()))
                .andExpect(content().string(containsString("<strong>Maintenance mode is on.</strong>")));
    }

    @Test
    void pastTogglesListWhatWasAskedByWhomAndHowItEnded() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        db.sql("""
                INSERT INTO job (type, environment_id, started_by, parameters, changing, status, created_at)
                VALUES ('maintenance', ?, 'alice', '{"enable":true}', TRUE, 'SUCCEEDED', TIMESTAMP WITH TIME ZONE '2026-11-20 08:15:00+00')""")
                .param(id).update();
        mvc.perform(get("/environments/" + id + "/maintenance").with(viewer()))
                .andExpect(content().string(containsString("<td>alice</td>")))
                .andExpect(content().string(containsString("2026-11-20 08:15:00 UTC")))
                .andExpect(content().string(containsString("<td>on</td>")));
    }

    @Test
    void aViewerMayNotToggleAndAnUnknownEnvironmentIsNotFound() throws Exception {
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        mvc.perform(post("/environments/" + id + "/maintenance").param("enable", "true").with(viewer()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/environments/999999/maintenance").with(viewer()))
                .andExpect(status().isNotFound());
    }
}
