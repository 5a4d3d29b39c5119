package io.reemo.console.admin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HistoryPageTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;

    @Test
    void theHistoryTabListsEveryRevisionWithWhoWhyAndTheDiffButNoSecret() throws Exception {
        Environment created = environments.save(Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "first-secret"),
                Edit.of(RevisionCause.WIZARD, "alice"));
        long id = created.id();
        environments.save(Fixtures.withAll(Fixtures.withAll(created, "DOCKER_VERSION_API", "2.14.0"), "REGISTRY_PASSWORD",
                "second-secret"), Edit.of(RevisionCause.UPDATE_JOB, "bob").job(41));
        environments.save(environments.get(id), Edit.of(RevisionCause.API, "carol"));

        String page = mvc.perform(get("/environments/{id}/history", id).with(viewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("aria-current=\"page\" class=\"active\">History</a>")
                .contains("id=\"revision-1\"", "id=\"revision-2\"").doesNotContain("id=\"revision-3\"")
                .contains("setup wizard", "alice", "update job", "bob", "href=\"/jobs/41\"")
                .contains("vars › DOCKER_VERSION_API", "2.14.0", "(secret, changed)")
                .doesNotContain("first-secret", "second-secret", "carol");
    }
}
