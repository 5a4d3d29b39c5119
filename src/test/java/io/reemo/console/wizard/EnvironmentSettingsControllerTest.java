package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** Presses "Edit settings" (or follows "Continue editing") and returns the id of the draft it leads to. */
    private long openSettings(long environmentId) throws Exception {
        String target = mvc.perform(post("/environments/" + environmentId + "/settings/edit").with(admin()).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        Matcher link = Pattern.compile("^/wizard/(\\d+)/").matcher(String.valueOf(target));
        assertThat(link.find()).as(target).isTrue();
        return Long.parseLong(link.group(1));
    }

    private static Object portalUrl(Environment environment) {
        return environment.cluster("infra_manager").orElseThrow().vars().get("PORTAL_URL");
    }

    @Test
    void settingsOpenTheWizardPagesOnADraftOfTheInstalledEnvironmentSecretsKeptUnseen() throws Exception {
        Environment installed = environments.save(Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "stored-registry-secret"), Fixtures.BY_TEST);
        long id = installed.id();

        String tab = html("/environments/" + id + "/settings");
        assertThat(tab).contains("aria-current=\"page\" class=\"active\">Settings</a>").contains("Edit settings")
                .contains("No change in progress").doesNotContain("stored-registry-secret");
        assertThat(html("/environments/" + id + "/settings")).as("opening Settings makes no draft").contains("No change in progress");
        assertThat(environments.revisions(id)).as("nor a revision").hasSize(1);
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
                .contains("href=\"/wizard/" + draft + "/certificates\"").contains("PORTAL_URL").contains("changed.example.test");

        String review = html("/wizard/" + draft + "/review");
        assertThat(review).contains("Review and apply").contains("id=\"apply\"").doesNotContain("id=\"install\"")
                .contains("The database is not initialised again").doesNotContain("stored-registry-secret");
        mvc.perform(post("/wizard/" + draft + "/install").with(admin()).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void applySavesTheEditsOverTheInstalledEnvironmentAndRunsTheInstallWithoutInitDb() throws Exception {
        Environment installed = environments.save(Fixtures.onLoopback(
                Fixtures.withAll(Fixtures.cluster(), "REGISTRY_PASSWORD", "stored-registry-secret")), Fixtures.BY_TEST);
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
        long id = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        long draft = openSettings(id);
        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "stay"));

        mvc.perform(post("/wizard/" + draft + "/delete").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/environments/" + id + "/settings"));
        assertThat(portalUrl(environments.get(id))).isNotEqualTo("changed.example.test");
        assertThat(html("/environments/" + id + "/settings")).contains("No change in progress");
    }

    /**
     * The walk's problem: Settings opened, an update run, Settings applied. Applying would have sent the old version
     * back; now the draft is stale, the tab shows both sides, and the carried-over draft keeps the update's version.
     */
    @Test
    void aDraftMadeBeforeAnUpdateNeverDowngradesWhatTheUpdateSet() throws Exception {
        Environment installed = environments.save(Fixtures.onLoopback(
                Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_DB", "2.13.10")), Fixtures.BY_TEST);
        long id = installed.id();
        long draft = openSettings(id);
        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "stay"));
        environments.save(Fixtures.withAll(environments.get(id), "DOCKER_VERSION_DB", "2.14.0"),
                Edit.of(RevisionCause.UPDATE_JOB, "operator"));

        var refused = mvc.perform(post("/wizard/" + draft + "/apply").with(admin()).with(csrf())).andReturn().getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/environments/" + id + "/settings");
        assertThat(environments.get(id).vars()).as("nothing saved").containsEntry("DOCKER_VERSION_DB", "2.14.0");
        assertThat(portalUrl(environments.get(id))).isNotEqualTo("changed.example.test");
        String stale = html("/environments/" + id + "/settings");
        assertThat(stale).contains("The environment changed since you started editing").contains("id=\"theirs\"")
                .contains("DOCKER_VERSION_DB").contains("2.14.0").contains("id=\"yours\"").contains("changed.example.test");

        mvc.perform(post("/environments/" + id + "/settings/rebase").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/environments/" + id + "/settings"));
        var applied = mvc.perform(post("/wizard/" + draft + "/apply").with(admin()).with(csrf())).andReturn().getResponse();
        assertThat(applied.getRedirectedUrl()).as(applied.getContentAsString()).matches("/jobs/\\d+");
        Environment saved = environments.get(id);
        assertThat(saved.vars()).as("the update's version stays").containsEntry("DOCKER_VERSION_DB", "2.14.0");
        assertThat(portalUrl(saved)).isEqualTo("changed.example.test");
        assertThat(environments.revisions(id).get(0).cause()).isEqualTo(RevisionCause.SETTINGS);
    }

    @Test
    void applyIsRefusedBeforeSavingWhileAJobChangesTheEnvironment() throws Exception {
        long id = environments.save(Fixtures.onLoopback(Fixtures.cluster()), Fixtures.BY_TEST).id();
        long draft = openSettings(id);
        mvc.perform(post("/wizard/" + draft + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "changed.example.test")
                .param("go", "stay"));
        CountDownLatch release = new CountDownLatch(1);
        Job holding = jobs.start(new JobRequest("install", id, "other-admin", Map.of(), true,
                List.of(Step.onConsole("held", run -> release.await(30, TimeUnit.SECONDS) ? 0 : 1))));
        try {
            String refused = mvc.perform(post("/wizard/" + draft + "/apply").with(admin()).with(csrf()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("Not started").contains("job " + holding.id()).contains("Settings are applied once it ended");
            assertThat(portalUrl(environments.get(id))).as("nothing saved").isNotEqualTo("changed.example.test");
        } finally {
            release.countDown();
        }
    }
}
