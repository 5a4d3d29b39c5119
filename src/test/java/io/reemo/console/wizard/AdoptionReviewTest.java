package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.PlanService;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.swarm.Change;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A new setup over a Swarm that already runs Reemo Infra: the review offers adoption, never an install with INIT_DB. */
class AdoptionReviewTest extends ConsoleApiTest {

    @Autowired
    private WizardDrafts drafts;
    @Autowired
    private Environments environments;
    @MockitoBean
    private PlanService plans;

    private static final PlanService.Plan ROLE_INSTALLED = new PlanService.Plan(List.of(
            adopt("reemo_api", List.of("image", "labels"), "image 2.13.9 → 2.13.10"),
            adopt("reemo_signal1", List.of("logging"), "logging driver syslog → …"),
            adopt("reemo_signal2", List.of("logging"), "logging driver syslog → …"),
            adopt("reemo_portal", List.of(), "runs as the console would run it")), List.of(),
            Map.of("infra_manager", List.of("network reemo_overlay", "secret reemo_mysql_root_password")),
            Map.of("reemo_api", "2.13.9", "reemo_signal1", "2.6.0", "reemo_signal2", "2.6.0", "reemo_portal", "2.13.11"));

    @Test
    void theReviewSaysWhatRunsAndOffersBothWaysToAdoptInPlaceOfTheInstall() throws Exception {
        Draft draft = drafts.create(Fixtures.onLoopback(Fixtures.cluster()), List.of());
        when(plans.plan(any(Environment.class))).thenReturn(ROLE_INSTALLED);

        mvc.perform(get("/wizard/" + draft.id() + "/plan").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("This Swarm already runs Reemo Infra (api 2.13.9, portal 2.13.11, signal 2.6.0) installed"
                                + " without the console: 4 services will be adopted, 4 fields would change."),
                        containsString("id=\"adopt-as-it-runs\""), containsString("id=\"adopt-and-converge\""),
                        containsString("network reemo_overlay, secret reemo_mysql_root_password"),
                        containsString("hx-swap-oob=\"true\""), not(containsString("id=\"install\"")))));
    }

    @Test
    void installOverARunningPlatformIsRefusedBeforeAnythingIsSaved() throws Exception {
        Draft draft = drafts.create(Fixtures.onLoopback(Fixtures.cluster()), List.of());
        when(plans.plan(any(Environment.class))).thenReturn(ROLE_INSTALLED);
        int before = environments.list().size();

        mvc.perform(post("/wizard/" + draft.id() + "/install").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not started: this Swarm already runs Reemo Infra installed without"
                        + " the console. Adopt it")));
        assertThat(environments.list()).hasSize(before);
        assertThat(drafts.get(draft.id())).isPresent();
    }

    private static Change adopt(String service, List<String> fields, String detail) {
        return new Change("infra_manager", Change.Kind.ADOPT_SERVICE, service, fields, detail);
    }
}
