package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A client that keeps losing its connection during a job printing 100,000 numbered lines, and resumes
 * each time with Last-Event-ID, still gets every line exactly once, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + JobEventsResumeIT.PASSWORD)
@Import(TestEnvironments.class)
class JobEventsResumeIT {

    static final String PASSWORD = "resume-it-secret";
    private static final int LINES = 100_000;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("resume-it")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryEnvironments environments;
    @Autowired
    LogFollowers followers;

    @Test
    void everyLineArrivesExactlyOnceAcrossRepeatedDisconnects() throws Exception {
        TestBed bed = TestBed.get();
        Environment env = environments.save(TestBed.environment(0, "resume", bed.nodes()).withId(null), Fixtures.BY_TEST);
        ConsoleClient client = new ConsoleClient(port, "admin", PASSWORD);
        // about 10 s of output, so most cuts happen while the job still prints
        ConsoleClient.Response started = client.post("/api/v1/environments/" + env.id() + "/jobs", Map.of("type", "command",
                "nodes", List.of("node1"),
                "command", "seq 1 " + LINES + " | awk '{ print; fflush() } NR % 2000 == 0 { system(\"sleep 0.2\") }'"));
        assertThat(started.status()).isEqualTo(202);
        long jobId = started.json().get("id").asLong();

        List<Long> seqs = new ArrayList<>(LINES + 100);
        List<Long> numbers = new ArrayList<>(LINES);
        AtomicReference<String> lastId = new AtomicReference<>();
        AtomicReference<JsonNode> end = new AtomicReference<>();
        Random random = new Random(42);
        int connections = 0;
        int cutsWhileRunning = 0;
        while (end.get() == null) {
            connections++;
            assertThat(connections).as("connections needed").isLessThan(500);
            int cutAfter = 2_000 + random.nextInt(4_000);
            AtomicInteger received = new AtomicInteger();
            client.events(jobId, lastId.get(), event -> {
                if ("end".equals(event.name())) {
                    end.set(client.json(event.data()));
                    return false;
                }
                JsonNode line = client.json(event.data());
                assertThat(event.id()).isEqualTo(line.get("seq").asString());
                seqs.add(line.get("seq").asLong());
                if (line.get("stream").asString().equals("stdout")) {
                    numbers.add(Long.parseLong(line.get("text").asString()));
                }
                lastId.set(event.id());
                return received.incrementAndGet() < cutAfter; // false: hang up mid-stream
            });
            if (end.get() == null && client.get("/api/v1/jobs/" + jobId).json().get("status").asString().equals("running")) {
                cutsWhileRunning++;
            }
        }

        assertThat(end.get().get("status").asString()).isEqualTo("succeeded");
        assertThat(connections).isGreaterThan(15);
        assertThat(cutsWhileRunning).as("cuts while the job was still printing").isGreaterThan(3);
        for (int i = 0; i < seqs.size(); i++) {
            if (seqs.get(i) != i + 1) {
                throw new AssertionError("event " + i + " has seq " + seqs.get(i) + ", expected " + (i + 1));
            }
        }
        assertThat((long) seqs.size()).isEqualTo(end.get().get("lastSeq").asLong());
        assertThat(numbers).hasSize(LINES);
        for (int i = 0; i < LINES; i++) {
            if (numbers.get(i) != i + 1) {
                throw new AssertionError("line " + i + " is " + numbers.get(i) + ", expected " + (i + 1));
            }
        }
        awaitNoFollowers(jobId);
    }

    private void awaitNoFollowers(long jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (followers.followers(jobId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(followers.followers(jobId)).as("streams left open after the clients hung up").isZero();
    }
}
