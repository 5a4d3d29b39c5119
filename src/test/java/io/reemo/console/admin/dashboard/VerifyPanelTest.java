package io.reemo.console.admin.dashboard;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.NodeWork;
import io.reemo.console.job.Step;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's verify panel: the last verify with its age, its job and the lines that failed; "Verify now" and its refusal. */
class VerifyPanelTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private Jobs jobs;
    private long id;

    @BeforeEach
    void environmentOnLoopback() {
        Environment loopback = Fixtures.onLoopback(Fixtures.cluster());
        id = environments.save(loopback, Fixtures.BY_TEST).id();
    }

    @Test
    void beforeAnyVerifyThePanelSaysHowOneComes() throws Exception {
        mvc.perform(get("/environments/{id}", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Proof that the platform serves")))
                .andExpect(content().string(containsString("hx-get=\"/environments/" + id + "/dashboard/verify\"")));
        mvc.perform(get("/environments/{id}/dashboard/verify", id).with(viewer()))
                .andExpect(content().string(containsString("Never verified yet")));
    }

    @Test
    void theLastVerifyStepShowsWhetherItPassedWhenWithWhichJobAndTheLinesThatFailed() throws Exception {
        long install = finished("install", step("services", run -> 0), step("verify", run -> {
            run.system("portal https://portal.example.com/ through infra1 (127.0.0.1): HTTP 200 (text/html), the portal's page");
            run.stderr("signals https://portal.example.com:8443/ through infra2 (127.0.0.2): no answer: connection refused");
            return 1;
        }));
        mvc.perform(get("/environments/{id}/dashboard/verify", id).with(viewer()))
                .andExpect(content().string(allOf(containsString(">failed</span>"), containsString("install job #" + install),
                        containsString("href=\"/jobs/" + install + "\""),
                        containsString("<li>signals https://portal.example.com:8443/ through infra2 (127.0.0.2): no answer: connection refused</li>"),
                        not(containsString("the portal&#39;s page")), matchesPattern("(?s).*\\(<span id=\"verify-age\">\\d+ s ago</span>\\).*"))));

        long verify = finished("verify", step("verify", run -> 0));
        mvc.perform(get("/environments/{id}/dashboard/verify", id).with(viewer()))
                .andExpect(content().string(allOf(containsString(">passed</span>"), containsString("verify job #" + verify),
                        containsString("The platform served"), not(containsString("<li>")))));

        finished("update", step("images", run -> 1), step("verify", run -> 0));
        mvc.perform(get("/environments/{id}/dashboard/verify", id).with(viewer()))
                .andExpect(content().string(containsString("verify job #" + verify)));
    }

    @Test
    void verifyNowStartsAVerifyJobAndFollowsItAndWhileAJobChangesTheEnvironmentSaysWhyNot() throws Exception {
        mvc.perform(post("/environments/{id}/verify", id).with(operator()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/jobs/*"));

        CountDownLatch release = new CountDownLatch(1);
        Job holding = jobs.start(new JobRequest("install", id, "alice", Map.of(), true,
                List.of(step("swarm", run -> release.await(30, TimeUnit.SECONDS) ? 0 : 1))));
        try {
            mvc.perform(post("/environments/{id}/verify", id).with(operator()).with(csrf()))
                    .andExpect(redirectedUrl("/environments/" + id))
                    .andExpect(flash().attribute("verifyRefusal", containsString("Job " + holding.id() + " (install, started by alice) "
                            + "is changing the environment now")));
            mvc.perform(get("/environments/{id}", id).with(viewer()).flashAttr("verifyRefusal", "Job 1 is changing the environment now."))
                    .andExpect(content().string(containsString("<strong>Not started.</strong> <span>Job 1 is changing the environment now.</span>")));
        } finally {
            release.countDown();
        }
    }

    private static Step step(String name, NodeWork work) {
        return Step.onConsole(name, work);
    }

    private long finished(String type, Step... steps) throws InterruptedException {
        long job = jobs.start(new JobRequest(type, id, "admin", Map.of(), false, List.of(steps))).id();
        for (int i = 0; i < 200 && !jobs.get(job).finished(); i++) {
            Thread.sleep(50);
        }
        return job;
    }
}
