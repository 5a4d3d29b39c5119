package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.security.AuditLog;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * L8 of the security review: discarding a leftover setup draft never deletes an environment that was installed; M10:
 * the discard is audited.
 */
class DraftDiscardTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private WizardDrafts drafts;
    @Autowired
    private Jobs jobs;
    @Autowired
    private AuditLog audit;

    @Test
    void theEnvironmentOfADraftWhoseSetupWasInstalledStaysWhenTheDraftIsDiscarded() throws Exception {
        Environment stored = environments.save(Fixtures.onLoopback(Fixtures.single()), Fixtures.BY_TEST);
        Draft draft = drafts.create(stored, List.of());
        long install = jobs.start(new JobRequest("install", stored.id(), "admin", Map.of(), true,
                List.of(Step.onConsole("swarm", run -> 0)))).id();
        for (int i = 0; i < 200 && !jobs.get(install).finished(); i++) {
            Thread.sleep(50);
        }

        mvc.perform(post("/wizard/" + draft.id() + "/delete").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("draftDiscarded", containsString("Environment single stays: an install ran on it")));
        assertThat(drafts.get(draft.id())).isEmpty();
        assertThat(environments.list()).extracting(Environment::id).contains(stored.id());
    }

    @Test
    void theEnvironmentOfADraftThatNeverInstalledGoesWithIt() throws Exception {
        Environment stored = environments.save(Fixtures.onLoopback(Fixtures.single()), Fixtures.BY_TEST);
        Draft draft = drafts.create(stored, List.of());

        mvc.perform(post("/wizard/" + draft.id() + "/delete").with(admin()).with(csrf())).andExpect(redirectedUrl("/"));
        assertThat(drafts.get(draft.id())).isEmpty();
        assertThat(environments.list()).extracting(Environment::id).doesNotContain(stored.id());
        assertThat(audit.latest(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("wizard.draft-discard");
            assertThat(e.target()).isEqualTo("environment " + stored.id() + " (single)");
            assertThat(e.detail()).isEqualTo("setup draft " + draft.id() + "; its environment deleted with it");
        });
    }
}
