package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.quota.Permit;
import io.reemo.console.secrets.SecretMasker;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine without SSH: steps whose work is plain Java, against the real H2 log store. */
@SpringBootTest(properties = "console.jobs.heartbeat=200ms")
@Import(TestEnvironments.class)
class JobsTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("jobs-test")::toString);
    }

    @Autowired
    Jobs jobs;
    @Autowired
    JobLog log;
    @Autowired
    LogFollowers followers;
    @Autowired
    LogStore store;
    @Autowired
    SecretMasker masker;

    private static JobRequest request(long environment, boolean changing, Step... steps) {
        return new JobRequest("test", environment, "tester", Map.of("k", "v"), changing, List.of(steps));
    }

    private Job awaitEnd(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Job job = jobs.get(id);
            if (job.finished()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not end");
    }

    @Test
    void linesFromConcurrentNodesAreNumberedWithoutGapsAndKeepEachNodesOrder() throws Exception {
        int perNode = 25_000;
        List<String> nodes = List.of("a", "b", "c", "d");
        Job job = jobs.start(request(1, false, new Step("burst", nodes, run -> {
            for (int i = 1; i <= perNode; i++) {
                run.stdout(run.node() + " " + i);
            }
            return 0;
        })));
        Job done = awaitEnd(job.id());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.lastSeq()).isEqualTo(log.lastSeq(job.id()));
        Map<String, Integer> lastPerNode = new HashMap<>();
        long expected = 1;
        int burstLines = 0;
        for (long after = 0; after < done.lastSeq(); ) {
            List<LogLine> page = log.after(job.id(), after, 5000);
            for (LogLine line : page) {
                assertThat(line.seq()).isEqualTo(expected++);
                if (line.step().equals("burst") && line.stream() == LogChannel.STDOUT) {
                    burstLines++;
                    int n = Integer.parseInt(line.text().substring(2));
                    assertThat(n).isEqualTo(lastPerNode.getOrDefault(line.node(), 0) + 1);
                    lastPerNode.put(line.node(), n);
                }
            }
            after = page.get(page.size() - 1).seq();
        }
        assertThat(burstLines).isEqualTo(perNode * nodes.size());
    }

    @Test
    void aLineIsStoredBeforeAnyoneSeesItAndSecretsAreMaskedBeforeStorage() throws Exception {
        masker.register("hunter2-secret");
        CountDownLatch go = new CountDownLatch(1);
        Job job = jobs.start(request(2, false, Step.onConsole("talk", run -> {
            go.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 2000; i++) {
                run.stdout("password is hunter2-secret, line " + i);
            }
            return 0;
        })));
        List<String> problems = new CopyOnWriteArrayList<>();
        List<LogLine> seen = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        followers.follow(job.id(), 0, new LogSink() {
            @Override
            public void lines(List<LogLine> lines) {
                LogLine last = lines.get(lines.size() - 1);
                if (store.read(job.id(), last.seq() - 1, last.seq(), 1).isEmpty()) {
                    problems.add("line " + last.seq() + " was shown before it was stored");
                }
                seen.addAll(lines);
            }

            @Override
            public void heartbeat() {
            }

            @Override
            public void end(Job job) {
                ended.countDown();
            }

            @Override
            public void close() {
            }
        }, new Permit(() -> { }));
        go.countDown();
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(problems).isEmpty();
        assertThat(seen).extracting(LogLine::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, awaitEnd(job.id()).lastSeq()).boxed().toList());
        StringWriter text = new StringWriter();
        log.writeText(job.id(), text);
        assertThat(text.toString()).doesNotContain("hunter2-secret").contains("password is ******, line 1999");
    }

    @Test
    void tailAndEarlierPagesReadByRange() throws Exception {
        Job job = jobs.start(request(3, false, Step.onConsole("count", run -> {
            for (int i = 1; i <= 1200; i++) {
                run.stdout("n" + i);
            }
            return 0;
        })));
        long last = awaitEnd(job.id()).lastSeq();

        List<LogLine> tail = log.tail(job.id(), 500);
        assertThat(tail).hasSize(500);
        assertThat(tail.get(499).seq()).isEqualTo(last);
        List<LogLine> before = log.before(job.id(), tail.get(0).seq(), 500);
        assertThat(before).hasSize(500);
        assertThat(before.get(499).seq()).isEqualTo(tail.get(0).seq() - 1);
        assertThat(log.search(job.id(), Long.MAX_VALUE, "count", null, "N120", 10)).extracting(LogLine::text)
                .containsExactly("n120", "n1200");
    }

    @Test
    void aSecondChangingJobOnTheSameEnvironmentIsRefusedButReadOnlyOnesRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Job holder = jobs.start(request(4, true, Step.onConsole("hold", run -> {
            release.await(20, TimeUnit.SECONDS);
            return 0;
        })));

        assertThatThrownBy(() -> jobs.start(request(4, true, Step.onConsole("x", run -> 0))))
                .isInstanceOf(JobConflictException.class)
                .hasMessageContaining("job " + holder.id())
                .hasMessageContaining("tester");
        Job readOnly = jobs.start(request(4, false, Step.onConsole("look", run -> 0)));
        assertThat(awaitEnd(readOnly.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        Job otherEnvironment = jobs.start(request(5, true, Step.onConsole("x", run -> 0)));
        assertThat(awaitEnd(otherEnvironment.id()).status()).isEqualTo(JobStatus.SUCCEEDED);

        release.countDown();
        assertThat(awaitEnd(holder.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        Job next = jobs.start(request(4, true, Step.onConsole("x", run -> 0)));
        assertThat(awaitEnd(next.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aUserWithAsManyUnfinishedJobsAsAllowedIsRefusedBeforeAnythingIsStoredAndOthersStillStartTheirs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Step waiting = Step.onConsole("wait", run -> {
            release.await(30, TimeUnit.SECONDS);
            return 0;
        });
        List<Job> started = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // the default cap per user: queued and running alike
            started.add(jobs.start(new JobRequest("facts", 77, "flooder", Map.of(), false, List.of(waiting))));
        }
        int stored = jobs.history(new JobQuery(77L, null, null, 100)).size();

        assertThatThrownBy(() -> jobs.start(new JobRequest("facts", 77, "flooder", Map.of(), false, List.of(waiting))))
                .isInstanceOf(TooManyJobsException.class)
                .hasMessage("flooder has 8 jobs queued or running, as many as one user may: wait for one to end (or cancel one), "
                        + "then start this one again.");
        assertThat(jobs.history(new JobQuery(77L, null, null, 100))).as("nothing stored for the refused job").hasSize(stored);
        Job other = jobs.start(new JobRequest("facts", 77, "someone-else", Map.of(), false, List.of(waiting)));

        release.countDown();
        for (Job job : started) {
            awaitEnd(job.id());
        }
        awaitEnd(other.id());
        assertThat(awaitEnd(jobs.start(new JobRequest("facts", 77, "flooder", Map.of(), false, List.of(waiting))).id()).status())
                .as("room again once the jobs ended").isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailingStepSkipsTheRestAndRecordsExitCodesPerNode() throws Exception {
        Job job = jobs.start(request(6, false,
                new Step("check", List.of("n1", "n2"), run -> run.node().equals("n2") ? 7 : 0),
                new Step("never", List.of("n1"), run -> 0)));
        Job done = awaitEnd(job.id());

        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.message()).contains("'check' failed on n2");
        assertThat(done.steps().get(0).nodes()).extracting(Job.NodeState::node, Job.NodeState::status, Job.NodeState::exitCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n1", StepStatus.SUCCEEDED, 0),
                        org.assertj.core.groups.Tuple.tuple("n2", StepStatus.FAILED, 7));
        assertThat(done.steps().get(1).status()).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void cancelRunsTheCancelHooksAndEndsTheJobCancelled() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Job job = jobs.start(request(7, true, new Step("wait", List.of("n1", "n2"), run -> {
            CountDownLatch stop = new CountDownLatch(1);
            run.onCancel(() -> {
                events.add("hook " + run.node());
                stop.countDown();
            });
            started.countDown();
            return stop.await(20, TimeUnit.SECONDS) ? 143 : 0;
        }), Step.onConsole("after", run -> 0)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        jobs.cancel(job.id(), "tester");
        Job done = awaitEnd(job.id());

        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(done.steps().get(0).status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(done.steps().get(1).status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(events).contains("hook n1", "hook n2");
        assertThat(log.tail(job.id(), 50)).extracting(LogLine::text).anyMatch(t -> t.startsWith("Cancel requested by tester"));
        assertThatThrownBy(() -> jobs.cancel(job.id(), "tester")).isInstanceOf(JobConflictException.class).hasMessageContaining("cancelled");
    }

    @Test
    void manyNodesRunAtOnceNotOneAfterTheOther() throws Exception {
        List<String> fifty = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            fifty.add("node" + i);
        }
        long start = System.nanoTime();
        Job job = jobs.start(request(8, false, new Step("sleep", fifty, run -> {
            Thread.sleep(500);
            return 0;
        })));
        assertThat(awaitEnd(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aQuietStreamGetsHeartbeatsAndEndsWithTheJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Job job = jobs.start(request(9, false, Step.onConsole("quiet", run -> {
            release.await(10, TimeUnit.SECONDS);
            return 0;
        })));
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        followers.follow(job.id(), 0, new LogSink() {
            @Override
            public void lines(List<LogLine> lines) {
                calls.add("lines");
            }

            @Override
            public void heartbeat() {
                calls.add("heartbeat");
            }

            @Override
            public void end(Job ended) {
                calls.add("end " + ended.status().value());
            }

            @Override
            public void close() {
                closed.countDown();
            }
        }, new Permit(() -> { }));
        Thread.sleep(900);
        assertThat(calls.stream().filter("heartbeat"::equals).count()).isGreaterThanOrEqualTo(2);
        release.countDown();
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(calls.get(calls.size() - 1)).isEqualTo("end succeeded");
        assertThat(followers.followers(job.id())).isZero();
    }
}
