package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Install and Apply ask the job's own checks before they save anything, and say a refusal on the review. */
class ReviewControllerTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private WizardDrafts drafts;
    @Autowired
    private DeploymentRecords records;

    private static Object portalUrl(Environment environment) {
        return environment.cluster("infra_manager").orElseThrow().vars().get("PORTAL_URL");
    }

    private static Environment withPortalUrl(Environment environment, String url) {
        return Fixtures.withGroup(environment, "infra_manager", "PORTAL_URL", url);
    }

    @Test
    void anInstallWhoseDatabaseWasInitialisedIsRefusedOnTheReviewAndNothingIsSaved() throws Exception {
        Environment stored = environments.save(Fixtures.onLoopback(Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "secret-1")), Fixtures.BY_TEST);
        records.markDatabaseInitialized(stored.id(), 1);
        Draft draft = drafts.create(withPortalUrl(stored, "changed.example.test"), List.of());

        mvc.perform(post("/wizard/" + draft.id() + "/install").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not started: initDb: the database of")))
                .andExpect(content().string(containsString("INIT_DB runs once per environment")));
        assertThat(portalUrl(environments.get(stored.id()))).isNotEqualTo("changed.example.test");
        assertThat(drafts.get(draft.id())).as("the draft is kept").isPresent();
    }

    @Test
    void aViewersOrOperatorsApplyIsRefusedBeforeAnythingIsSaved() throws Exception {
        Environment installed = environments.save(Fixtures.onLoopback(Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "secret-1")), Fixtures.BY_TEST);
        Draft draft = drafts.save(drafts.edit(environments.current(installed.id())).with(withPortalUrl(installed, "changed.example.test")));

        mvc.perform(post("/wizard/" + draft.id() + "/apply").with(viewer()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/wizard/" + draft.id() + "/apply").with(operator()).with(csrf())).andExpect(status().isForbidden());
        assertThat(portalUrl(environments.get(installed.id()))).isNotEqualTo("changed.example.test");
        assertThat(environments.current(installed.id()).revision()).as("no revision was stored")
                .isEqualTo(draft.baseRevision());
    }
}
