package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.ConsoleApplication;
import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.support.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A console that stops mid-job, or dies, leaves the job interrupted with its log intact after the next start. */
class JobRestartIT {

    private static final String PASSWORD = "restart-it-secret";

    private static ConfigurableApplicationContext startConsole(Path dataDir) {
        return new SpringApplicationBuilder(ConsoleApplication.class, TestEnvironments.class)
                .properties("server.port=0", "console.data-dir=" + dataDir, "CONSOLE_ADMIN_PASSWORD=" + PASSWORD)
                .run();
    }

    private static ConsoleClient client(ConfigurableApplicationContext console) {
        return new ConsoleClient(((WebServerApplicationContext) console).getWebServer().getPort(), "admin", PASSWORD);
    }

    @Test
    void aJobRunningWhenTheConsoleStopsIsInterruptedWithItsLogIntact() throws Exception {
        Path dataDir = Files.createTempDirectory("restart-it");
        TestBed bed = TestBed.get();
        long jobId;
        long crashedJobId;
        try (ConfigurableApplicationContext first = startConsole(dataDir)) {
            Environment env = first.getBean(InMemoryEnvironments.class).save(TestBed.environment(0, "restart", bed.nodes()).withId(null), Fixtures.BY_TEST);
            ConsoleClient client = client(first);
            jobId = client.post("/api/v1/environments/" + env.id() + "/jobs", Map.of("type", "command", "nodes", List.of("node1"),
                    "command", "for i in $(seq 1 100000); do echo \"tick $i\"; sleep 0.01; done")).json().get("id").asLong();
            waitForLines(client, jobId, 100);
            // a job a crashed console left behind: still "running" in the database, with one log line
            JdbcClient db = first.getBean(JdbcClient.class);
            db.sql("INSERT INTO job (type, environment_id, started_by, parameters, changing, status, created_at, started_at) "
                    + "VALUES ('command', ?, 'admin', '{}', TRUE, 'RUNNING', ?, ?)").params(env.id(), OffsetDateTime.now(), OffsetDateTime.now()).update();
            crashedJobId = db.sql("SELECT MAX(id) FROM job").query(Long.class).single();
            db.sql("INSERT INTO job_log (job_id, seq, at, step, node, stream, text) VALUES (?, 1, ?, 'job', 'console', 's', 'before the crash')")
                    .params(crashedJobId, OffsetDateTime.now()).update();
        }

        try (ConfigurableApplicationContext second = startConsole(dataDir)) {
            ConsoleClient client = client(second);
            JsonNode job = client.get("/api/v1/jobs/" + jobId).json();
            assertThat(job.get("status").asString()).isEqualTo("interrupted");
            assertThat(job.get("steps").get(0).get("nodes").get(0).get("status").asString()).isEqualTo("interrupted");

            List<String> log = client.get("/api/v1/jobs/" + jobId + "/log").body().lines().toList();
            assertThat(log.size()).isEqualTo(job.get("lastSeq").asInt());
            List<String> ticks = log.stream().filter(l -> l.contains("] tick ")).toList();
            assertThat(ticks.size()).isGreaterThanOrEqualTo(100);
            for (int i = 0; i < ticks.size(); i++) {
                assertThat(ticks.get(i)).endsWith("] tick " + (i + 1));
            }
            assertThat(log.get(log.size() - 1)).contains("Job interrupted");

            JsonNode crashed = client.get("/api/v1/jobs/" + crashedJobId).json();
            assertThat(crashed.get("status").asString()).isEqualTo("interrupted");
            assertThat(client.get("/api/v1/jobs/" + crashedJobId + "/log").body())
                    .contains("before the crash", "The console stopped while this job ran");

            // the lock went with the old console: a new changing job starts at once
            long environmentId = job.get("environmentId").asLong();
            Environment env = second.getBean(InMemoryEnvironments.class)
                    .save(TestBed.environment(environmentId, "restart", bed.nodes()), Fixtures.BY_TEST);
            ConsoleClient.Response again = client.post("/api/v1/environments/" + env.id() + "/jobs",
                    Map.of("type", "command", "command", "true", "nodes", List.of("node1")));
            assertThat(again.status()).as(again.body()).isEqualTo(202);
            assertThat(client.awaitEnd(again.json().get("id").asLong(), Duration.ofSeconds(30)).get("status").asString())
                    .isEqualTo("succeeded");
        }
    }

    private static void waitForLines(ConsoleClient client, long jobId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.get("/api/v1/jobs/" + jobId + "/log").body().lines().filter(l -> l.contains("] tick ")).count() < count) {
            assertThat(System.nanoTime()).as("lines printed in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
