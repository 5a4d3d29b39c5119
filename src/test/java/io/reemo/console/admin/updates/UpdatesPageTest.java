package io.reemo.console.admin.updates;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.PlanService;
import io.reemo.console.deploy.TaskFailure;
import io.reemo.console.deploy.UpdateParameters;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobStatus;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.swarm.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The Updates tab through the real console; the registry, the Swarm plan and the job start are fakes. */
class UpdatesPageTest extends ConsoleApiTest {

    private static final List<String> API_TAGS = List.of("latest", "2.13.9", "2.13.10", "2.14.0", "2.14.1-rc1");
    private static final List<String> API_TAGS_WITH_BROKEN = List.of("2.13.10", "2.14.0", "2.14.1-broken");

    @Autowired
    private Environments environments;
    @Autowired
    private DeploymentRecords records;
    @Autowired
    private FailedVersions failedVersions;
    @MockitoBean
    private RegistryTags registry;
    @MockitoBean
    private PlanService plans;
    @MockitoBean
    private JobLauncher launcher;

    private long environment() {
        return environments.save(Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_PORTAL", "2.13.11"), Fixtures.BY_TEST).id();
    }

    private void registryHolds(Map<String, List<String>> tags) {
        when(registry.lookup(any(), any())).thenReturn(new TagLookup(tags, Map.of(), null));
    }

    @Test
    void theTableShowsCurrentAndDefaultVersionsAndLoadsTheNewerTagsAfterThePage() throws Exception {
        long id = environment();
        mvc.perform(get("/environments/" + id + "/updates").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/updates/versions"))))
                .andExpect(content().string(containsString("Newer versions are read from\n    the registry for operators")));
        mvc.perform(get("/environments/" + id + "/updates").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-current=\"page\" class=\"active\">Updates</a>")))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/updates/versions\" hx-trigger=\"load\"")))
                .andExpect(content().string(containsString("Reading the registry for newer versions")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"version-api\".*class=\"mono current\">2\\.13\\.10<.*")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"version-portal\".*class=\"mono current\">2\\.13\\.11</td>\\s*"
                        + "<td class=\"mono default\"><span>2\\.12\\.6</span>.*")))
                .andExpect(content().string(containsString("reemo_signal1, reemo_signal2, reemo_signal3")))
                .andExpect(content().string(not(containsString("registry-password"))));
        verify(registry, never()).lookup(any(), any());
        mvc.perform(get("/environments/999999/updates").with(viewer())).andExpect(status().isNotFound());

        registryHolds(Map.of("api", API_TAGS, "portal", List.of("2.12.6", "2.13.11")));
        mvc.perform(get("/environments/" + id + "/updates/versions").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("name=\"version\" value=\"api:2.14.0\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"api:2.14.1-rc1\"")))
                .andExpect(content().string(not(containsString("api:2.13.9"))))
                .andExpect(content().string(not(containsString("api:latest"))))
                .andExpect(content().string(containsString(
                        "id=\"update-api-2.14.0\" href=\"/environments/" + id + "/updates/plan?version=api:2.14.0\">Update to 2.14.0…</a>")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"version-portal\".*up to date.*")))
                .andExpect(content().string(containsString("id=\"plan-ticked\"")));
    }

    @Test
    void aRegistryThatCannotBeReadIsSaidInWordsWithoutItsPassword() throws Exception {
        long id = environment();
        when(registry.lookup(any(), any())).thenReturn(new TagLookup(Map.of(), Map.of(),
                "https://registry.reemo.io is unreachable (connection refused): check REGISTRY_URL."));
        mvc.perform(get("/environments/" + id + "/updates/versions").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>The registry could not be read</strong>, so newer versions are not shown.")))
                .andExpect(content().string(containsString("is unreachable (connection refused)")))
                .andExpect(content().string(not(containsString("id=\"plan-ticked\""))))
                .andExpect(content().string(not(containsString("registry-password"))));
    }

    @Test
    void thePlanShowsWhatTheSwarmWouldChangeInTheMandatoryOrderBeforeAnythingRuns() throws Exception {
        long id = environment();
        registryHolds(Map.of("api", API_TAGS, "db", List.of("2.14.0"), "portal", List.of("2.14.2")));
        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(
                change("reemo_portal", "image 2.13.11 → 2.14.2"), change("reemo_api", "image 2.13.10 → 2.14.0"),
                change("reemo_db", "image 2.13.10 → 2.14.0")), List.of(), Map.of(), Map.of()));

        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator())
                        .param("version", "portal:2.14.2", "api:2.14.0", "db:2.14.0"))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*Step 1: db.*db 2\\.13\\.10 → 2\\.14\\.0.*reemo_db runs once.*"
                        + "Step 2: api.*api 2\\.13\\.10 → 2\\.14\\.0.*reemo_api.*image 2\\.13\\.10 → 2\\.14\\.0.*"
                        + "Step 3: portal.*portal 2\\.13\\.11 → 2\\.14\\.2.*reemo_portal.*image 2\\.13\\.11 → 2\\.14\\.2.*")))
                .andExpect(content().string(containsString("<strong>mandatory order</strong>")))
                .andExpect(content().string(containsString("data-opens=\"update-confirm\"")))
                .andExpect(content().string(allOf(containsString("name=\"version\" value=\"portal:2.14.2\""),
                        containsString("name=\"version\" value=\"api:2.14.0\""), containsString("name=\"version\" value=\"db:2.14.0\""))))
                .andExpect(content().string(not(containsString("confirmDowntime"))))
                .andExpect(content().string(not(containsString("Nothing would change"))));
        verify(plans).updatePlan(id, List.of("portal", "api", "db"),
                Map.of("DOCKER_VERSION_PORTAL", "2.14.2", "DOCKER_VERSION_API", "2.14.0", "DOCKER_VERSION_DB", "2.14.0"));
        verify(launcher, never()).start(anyLong(), any(), any());
    }

    @Test
    void aPlanWithoutChangesSaysSoAndOffersNothingToRun() throws Exception {
        long id = environment();
        registryHolds(Map.of("api", API_TAGS));
        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(), List.of(), Map.of(), Map.of()));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()).param("version", "api:2.13.10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Nothing would change</strong> on the servers: they already run these versions.")))
                .andExpect(content().string(containsString("No change for these services.")))
                .andExpect(content().string(not(containsString("only records these versions"))))
                .andExpect(content().string(not(containsString("id=\"update-start\""))));

        // after a failed update rolled back by Swarm, the servers run the version the configuration no longer names
        environments.save(Fixtures.withAll(environments.get(id), "DOCKER_VERSION_API", "2.14.1-rc1"), Fixtures.BY_TEST);
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()).param("version", "api:2.13.10"))
                .andExpect(content().string(containsString("<strong>Nothing would change</strong> on the servers")))
                .andExpect(content().string(containsString("Running the update only records these versions")))
                .andExpect(content().string(containsString("api 2.14.1-rc1 → 2.13.10")))
                .andExpect(content().string(containsString("id=\"update-start\"")));
    }

    @Test
    void badPicksAreRefusedWithAMessageAndNoPlan() throws Exception {
        long id = environment();
        registryHolds(Map.of("api", API_TAGS));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()).param("version", "api:9.9.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("api: the registry has no version 9.9.9 of reemoinfraapi; pick one from the table.")))
                .andExpect(content().string(not(containsString("id=\"plan-steps\""))));
        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf()).param("version", "api:9.9.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("api: the registry has no version 9.9.9 of reemoinfraapi")));
        verify(launcher, never()).start(anyLong(), any(), any());
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()).param("version", "api:bad/tag", "nginx:1.0", "db:2.14.0", "db:2.14.1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("api: &#39;bad/tag&#39; is not an image tag")))
                .andExpect(content().string(containsString("&#39;nginx&#39; is not a service of this environment: pick one of db, api,")))
                .andExpect(content().string(containsString("db: pick one version, not both 2.14.0 and 2.14.1.")));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()))
                .andExpect(content().string(containsString("Nothing was picked")));
        verify(plans, never()).updatePlan(anyLong(), anyList(), anyMap());
    }

    @Test
    void aMysqlUpdateNeedsTheDowntimeConfirmation() throws Exception {
        long id = environment();
        registryHolds(Map.of("mysql", List.of("8.0.40-0ubuntu0.24.04.1", "8.0.41")));
        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(
                change("reemo_mysql", "image 8.0.40-0ubuntu0.24.04.1 → 8.0.41")), List.of(), Map.of(), Map.of()));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(admin()).param("version", "mysql:8.0.41"))
                .andExpect(content().string(containsString("<strong>Updating MySQL interrupts the service</strong>")))
                .andExpect(content().string(containsString("name=\"confirmDowntime\" value=\"true\" required")));

        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf()).param("version", "mysql:8.0.41"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Not started.</strong> <span>Updating MySQL stops the service")))
                .andExpect(content().string(containsString("tick &quot;I accept the downtime&quot;")));
        verify(launcher, never()).start(anyLong(), any(), any());

        when(launcher.start(eq(id), any(), any())).thenReturn(job(77, id));
        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf())
                        .param("version", "mysql:8.0.41").param("confirmDowntime", "true"))
                .andExpect(redirectedUrl("/jobs/77"));
        verify(launcher).start(eq(id), eq(new UpdateParameters(List.of("mysql"), Map.of("DOCKER_VERSION_MYSQL", "8.0.41"), true, false)), any());
    }

    @Test
    void aConfirmedUpdateStartsTheJobAndARefusalComesBackOnThePage() throws Exception {
        long id = environment();
        registryHolds(Map.of("api", API_TAGS));
        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(
                change("reemo_api", "image 2.13.10 → 2.14.0")), List.of(), Map.of(), Map.of()));
        when(launcher.start(eq(id), any(), any())).thenThrow(new JobConflictException("Job 12 (install) is running on this environment.", 12L));
        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf()).param("version", "api:2.14.0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Not started.</strong> <span>Job 12 (install) is running on this environment.</span>")))
                .andExpect(content().string(containsString("href=\"/jobs/12\">Open that job</a>")))
                .andExpect(content().string(containsString("Step 1: api")));
        verify(launcher).start(eq(id), eq(new UpdateParameters(List.of("api"), Map.of("DOCKER_VERSION_API", "2.14.0"), false, false)), any());
    }

    @Test
    void theHistoryShowsVersionsBeforeAndAfterAndOffersToReturnToThePreviousVersion() throws Exception {
        long id = environments.save(Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_API", "2.14.0"), Fixtures.BY_TEST).id();
        mvc.perform(get("/environments/" + id + "/updates").with(viewer()))
                .andExpect(content().string(containsString("No version was changed through the console")));
        records.recordVersionChange(id, 5, "DOCKER_VERSION_PORTAL", null, "2.13.11");
        records.recordVersionChange(id, 6, "DOCKER_VERSION_API", "2.13.10", "2.14.1-broken");
        records.recordVersionChange(id, 7, "DOCKER_VERSION_API", "2.14.1-broken", "2.14.0");

        mvc.perform(get("/environments/" + id + "/updates").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"update-history\".*#7.*2\\.14\\.1-broken → 2\\.14\\.0.*"
                        + "id=\"return-api\" href=\"/environments/" + id + "/updates/plan\\?version=api:2\\.14\\.1-broken\">"
                        + "Return to 2\\.14\\.1-broken…</a>.*#6.*2\\.13\\.10 → 2\\.14\\.1-broken.*#5.*2\\.12\\.6 → 2\\.13\\.11.*")))
                .andExpect(content().string(not(containsString("id=\"return-portal\""))));

        registryHolds(Map.of("api", API_TAGS));
        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(
                change("reemo_api", "image 2.14.0 → 2.13.10")), List.of(), Map.of(), Map.of()));
        records.recordVersionChange(id, 8, "DOCKER_VERSION_API", "2.13.10", "2.14.0");
        mvc.perform(get("/environments/" + id + "/updates").with(viewer()))
                .andExpect(content().string(containsString("href=\"/environments/" + id + "/updates/plan?version=api:2.13.10\">Return to 2.13.10…</a>")));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(operator()).param("version", "api:2.13.10"))
                .andExpect(content().string(containsString("api 2.14.0 → 2.13.10")))
                .andExpect(content().string(containsString("name=\"version\" value=\"api:2.13.10\"")));
    }

    @Test
    void aVersionThatFailedIsMarkedWithWhyAndTryingItAgainNeedsItsOwnConfirmation() throws Exception {
        long id = environment();
        records.recordVersionChange(id, 6, "DOCKER_VERSION_API", null, "2.14.1-broken");
        failedVersions.record(id, new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 6,
                OffsetDateTime.parse("2026-12-07T02:10:00Z"), true, "2.13.10", List.of(new TaskFailure("reemo_api", "node2", 1,
                "task: non-zero exit (1)", List.of("api 2.14.1-broken started on 3f2a", "api 2.14.1-broken: broken on purpose"), null))));
        String words = "api 2.14.1-broken failed (task exited 1 on node2: api 2.14.1-broken started on 3f2a / api 2.14.1-broken:"
                + " broken on purpose) and was rolled back to 2.13.10";

        mvc.perform(get("/environments/" + id + "/updates").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"version-api\".*class=\"mono current\">2\\.13\\.10</td>.*"
                        + "<tr class=\"failed-version\" data-tag=\"api\" data-version=\"2\\.14\\.1-broken\">.*")))
                .andExpect(content().string(containsString("<span class=\"failure-words\">" + words + "</span>")))
                .andExpect(content().string(containsString("href=\"/jobs/6\">job #6</a>")))
                .andExpect(content().string(matchesPattern("(?s).*id=\"update-history\".*#6.*<div class=\"small failure-words\">"
                        + Pattern.quote(words) + "</div>.*")));

        registryHolds(Map.of("api", API_TAGS_WITH_BROKEN));
        mvc.perform(get("/environments/" + id + "/updates/versions").with(operator()))
                .andExpect(content().string(containsString("title=\"" + words + "\">failed here</span>")))
                .andExpect(content().string(containsString(">Try 2.14.1-broken again…</a>")))
                .andExpect(content().string(containsString(">Update to 2.14.0…</a>")));

        when(plans.updatePlan(eq(id), anyList(), anyMap())).thenReturn(new PlanService.Plan(List.of(
                change("reemo_api", "image 2.13.10 → 2.14.1-broken")), List.of(), Map.of(), Map.of()));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(admin()).param("version", "api:2.14.1-broken"))
                .andExpect(content().string(containsString("<strong>Failed here before.</strong>")))
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(containsString("name=\"retryFailed\" value=\"true\" required")));
        mvc.perform(get("/environments/" + id + "/updates/plan").with(admin()).param("version", "api:2.14.0"))
                .andExpect(content().string(not(containsString("retryFailed"))));

        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf()).param("version", "api:2.14.1-broken"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>Not started.</strong> <span>api 2.14.1-broken failed here before:"
                        + " tick &quot;Try it again&quot; in the confirmation to go ahead.</span>")));
        verify(launcher, never()).start(anyLong(), any(), any());

        when(launcher.start(eq(id), any(), any())).thenReturn(job(78, id));
        mvc.perform(post("/environments/" + id + "/updates").with(admin()).with(csrf())
                        .param("version", "api:2.14.1-broken").param("retryFailed", "true"))
                .andExpect(redirectedUrl("/jobs/78"));
        verify(launcher).start(eq(id), eq(new UpdateParameters(List.of("api"), Map.of("DOCKER_VERSION_API", "2.14.1-broken"), false, true)), any());
    }

    private static Change change(String service, String detail) {
        return new Change("infra_manager", Change.Kind.UPDATE_SERVICE, service, List.of("image"), detail);
    }

    private static Job job(long jobId, long environmentId) {
        return new Job(jobId, "update", environmentId, "admin", Map.of(), true, JobStatus.QUEUED, Instant.now(), null, null,
                null, 0, List.of());
    }
}
