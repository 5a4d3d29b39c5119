package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.Jobs;
import io.reemo.console.support.ConsoleApiTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EnvironmentSettingsControllerTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private Jobs jobs;

    private String html(String url) throws Exception {
        return mvc.perform(get(url).with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Opens the Settings tab and returns the id of its draft, read from its "Edit settings" link. */
    private long openSettings(long environmentId) throws Exception {
        String page = html("/environments/" + environmentId + "/settings");
        Matcher link = Pattern.compile("id=\"edit-settings\" href=\"/wizard/(\\d+)/").matcher(page);
        assertThat(link.find()).as(page).isTrue();
        return Long.parseLong(link.group(1));
    }

    private static Object portalUrl(Environment environment) {
        return environment.cluster("infra_manager").orElseThrow().vars().get("PORTAL_URL");
    }

    @Test
    void settingsOpenTheWizardPagesOnADraftOfTheInstalledEnvironmentSecretsKeptUnseen() throws Exception {
        Environment installed = environments.save(Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "stored-registry-secret"));
        long id = installed.id();

        String tab = html("/environments/" + id + "/settings");
        assertThat(tab).contains("aria-current=\"page\" class=\"active\">Settings</a>").contains("Edit settings")
                .contains("No change yet").doesNotContain("stored-registry-secret");
        long draft = openSettings(id);
        assertThat(openSettings(id)).as("reopening Settings reopens the same draft").isEqualTo(draft);

        String registry = html("/wizard/" + draft + "/registry");
        assertThat(registry).contains("Settings of " + installed.name()).contains("You are editing an installed environment")
                .contains("set — leave empty to keep").doesNotContain("stored-registry-secret");
        assertThat(html("/wizard/drafts")).doesNotContain("/wizard/" + draft + "/");

        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "next")).andExpect(redirectedUrl("/wizard/" + draft + "/certificates"));
        assertThat(portalUrl(environments.get(id))).as("nothing changes before Apply").isNotEqualTo("changed.example.test");
        assertThat(html("/environments/" + id + "/settings")).contains("Changes not applied yet").contains("Continue editing")
                .contains("href=\"/wizard/" + draft + "/certificates\"");

        String review = html("/wizard/" + draft + "/review");
        assertThat(review).contains("Review and apply").contains("id=\"apply\"").doesNotContain("id=\"install\"")
                .contains("The database is not initialised again").doesNotContain("stored-registry-secret");
        mvc.perform(post("/wizard/" + draft + "/install").with(admin()).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void applySavesTheEditsOverTheInstalledEnvironmentAndRunsTheInstallWithoutInitDb() throws Exception {
        Environment installed = environments.save(Fixtures.onLoopback(
                Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "stored-registry-secret")));
        long draft = openSettings(installed.id());
        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "stay"));

        var applied = mvc.perform(post("/wizard/" + draft + "/apply").with(admin()).with(csrf())).andReturn().getResponse();
        String jobUrl = applied.getRedirectedUrl();
        assertThat(jobUrl).as(applied.getContentAsString()).matches("/jobs/\\d+");

        Environment saved = environments.get(installed.id());
        assertThat(portalUrl(saved)).isEqualTo("changed.example.test");
        assertThat(saved.vars()).containsEntry("REGISTRY_PASSWORD", "stored-registry-secret");
        var job = jobs.get(Long.parseLong(jobUrl.substring("/jobs/".length())));
        assertThat(job.type()).isEqualTo("install");
        assertThat(job.parameters()).doesNotContainKey("initDb");
        mvc.perform(get("/wizard/" + draft + "/review").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void discardingTheChangesKeepsTheInstalledEnvironment() throws Exception {
        long id = environments.save(Fixtures.cluster()).id();
        long draft = openSettings(id);
        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "stay"));

        mvc.perform(post("/wizard/" + draft + "/delete").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/environments/" + id + "/settings"));
        assertThat(portalUrl(environments.get(id))).isNotEqualTo("changed.example.test");
        assertThat(html("/environments/" + id + "/settings")).contains("No change yet");
    }
}
