package io.reemo.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.security.AuditLog;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** M10 of the security review: a job start is audited whole, with the job's row and before the job can run. */
class JobStartAuditTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private Jobs jobs;
    @Autowired
    private AuditLog audit;
    @Autowired
    private JsonMapper json;
    @Autowired
    private SecretMasker masker;

    @Test
    void aTenThousandCharacterCommandIsAuditedWholeAndTheJobStarts() throws Exception {
        long environment = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        String command = "echo " + "a".repeat(9_995);
        String answer = mvc.perform(post("/api/v1/environments/" + environment + "/jobs").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("type", "command", "command", command))))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value("command"))
                .andReturn().getResponse().getContentAsString();
        long job = json.readTree(answer).get("id").asLong();
        cancelQuietly(job);

        AuditLog.AuditEvent record = audit.latest(20).stream()
                .filter(e -> e.action().equals("job.start") && e.detail().startsWith("job " + job + " ")).findFirst().orElseThrow();
        assertThat(record.username()).isEqualTo("admin");
        assertThat(record.target()).isEqualTo("environment " + environment + " (cluster)");
        assertThat(record.detail()).contains(command);
    }

    @Test
    void theJobsFirstStepFindsItsAuditRecord() throws Exception {
        CompletableFuture<Boolean> recordSeenByStep = new CompletableFuture<>();
        long[] id = new long[1];
        Job job = jobs.start(request(901, false, Step.onConsole("look", run -> {
            recordSeenByStep.complete(db.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'job.start' AND detail LIKE ?")
                    .param("job " + id[0] + " %").query(Long.class).single() == 1);
            return 0;
        })), jobId -> {
            id[0] = jobId;
            audit.record("job.start", "environment 901 (look)", "job " + jobId + " test");
        });
        assertThat(job.id()).isEqualTo(id[0]);
        assertThat(recordSeenByStep.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJobsEndIsAuditedUnderItsStarterWithItsOutcome() throws Exception {
        long environment = environments.save(Fixtures.cluster(), Fixtures.BY_TEST).id();
        Job job = jobs.start(new JobRequest("test", environment, "operator", Map.of(), false,
                List.of(Step.onConsole("fail", run -> 3))));
        AuditLog.AuditEvent end = null;
        for (int i = 0; i < 100 && end == null; i++) {
            Thread.sleep(100);
            end = audit.latest(20).stream().filter(e -> e.action().equals("job.end") && e.detail().startsWith("job " + job.id() + " "))
                    .findFirst().orElse(null);
        }
        assertThat(end).as("job.end of job " + job.id()).isNotNull();
        assertThat(end.username()).isEqualTo("operator");
        assertThat(end.target()).isEqualTo("environment " + environment + " (cluster)");
        assertThat(end.detail()).matches("job " + job.id() + " test failed after \\d+ s: Step 'fail' failed.*");
    }

    /** L2 of the security review: a job's and a node's message are masked like the log they come from. */
    @Test
    void aSecretInAFailuresMessageIsMaskedWhereItIsStored() throws Exception {
        masker.register("s3cr3t-in-a-message");
        Job job = jobs.start(new JobRequest("test", 903, "operator", Map.of(), false, List.of(Step.onConsole("login", run -> {
            throw new IllegalStateException("the node refused s3cr3t-in-a-message");
        }))));
        Job ended = jobs.get(job.id());
        for (int i = 0; i < 100 && !ended.finished(); i++) {
            Thread.sleep(100);
            ended = jobs.get(job.id());
        }
        String stored = db.sql("SELECT message FROM job WHERE id = ?").param(job.id()).query(String.class).single()
                + " " + db.sql("SELECT message FROM job_node WHERE job_id = ?").param(job.id()).query(String.class).list();
        assertThat(stored).contains("the node refused ******").doesNotContain("s3cr3t-in-a-message");
    }

    @Test
    void aJobWhoseAuditRecordFailsIsNeitherStoredNorRun() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        long jobsBefore = jobCount();
        assertThatThrownBy(() -> jobs.start(request(902, true, Step.onConsole("never", run -> {
            ran.set(true);
            return 0;
        })), jobId -> {
            throw new IllegalStateException("the audit table is gone");
        })).hasMessage("the audit table is gone");
        Thread.sleep(300);
        assertThat(ran).isFalse();
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(jobs.changingJobOn(902)).as("the environment is not held by a job that never started").isEmpty();
    }

    private static JobRequest request(long environment, boolean changing, Step step) {
        return new JobRequest("test", environment, "admin", Map.of(), changing, List.of(step));
    }

    private long jobCount() {
        return db.sql("SELECT COUNT(*) FROM job").query(Long.class).single();
    }

    private void cancelQuietly(long job) {
        try {
            jobs.cancel(job, "test");
        } catch (RuntimeException alreadyEnded) {
            // it could not reach the fixture's servers and ended by itself
        }
    }
}
