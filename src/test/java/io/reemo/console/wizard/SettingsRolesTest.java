package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * H2 of the security review: a viewer or an operator can neither open an installed environment's Settings, nor change
 * a Settings draft (node address, registry), nor apply it; the environment and the draft stay as they were.
 */
class SettingsRolesTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private WizardDrafts drafts;

    @Test
    void settingsAreForAdministratorsOnlyAndARefusalStoresNothing() throws Exception {
        Environment installed = environments.save(Fixtures.onLoopback(Fixtures.cluster()), Fixtures.BY_TEST);
        long id = installed.id();
        for (RequestPostProcessor user : new RequestPostProcessor[] {viewer(), operator()}) {
            mvc.perform(get("/environments/" + id + "/settings").with(user)).andExpect(status().isForbidden());
            mvc.perform(post("/environments/" + id + "/settings/edit").with(user).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(drafts.editing(id)).as("no draft was made").isEmpty();

        Draft draft = drafts.edit(environments.current(id));
        for (RequestPostProcessor user : new RequestPostProcessor[] {viewer(), operator()}) {
            mvc.perform(post("/wizard/" + draft.id() + "/nodes").with(user).with(csrf()).param("name", "infra1")
                    .param("address", "attacker.example.test").param("authKind", "PASSWORD").param("password", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/wizard/" + draft.id() + "/registry").with(user).with(csrf())
                    .param("REGISTRY_URL", "attacker.example.test")).andExpect(status().isForbidden());
            mvc.perform(post("/wizard/" + draft.id() + "/apply").with(user).with(csrf())).andExpect(status().isForbidden());
        }
        Environment kept = drafts.require(draft.id()).environment();
        assertThat(kept.node("infra1").orElseThrow().address()).isEqualTo("127.0.0.1");
        assertThat(kept.vars().get("REGISTRY_URL")).isNull();
        CurrentEnvironment stored = environments.current(id);
        assertThat(stored.revision()).as("nothing was applied").isEqualTo(draft.baseRevision());
        assertThat(stored.environment().node("infra1").orElseThrow().address()).isEqualTo("127.0.0.1");
    }
}
