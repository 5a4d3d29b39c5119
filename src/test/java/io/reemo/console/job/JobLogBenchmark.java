package io.reemo.console.job;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark of the job log path, run on demand (its name matches neither *Test nor *IT):
 * {@code ./mvnw -B -o verify -Dit.test=JobLogBenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}.
 * Needs the test bed. Prints its figures and writes them to target/job-log-benchmark.txt.
 * <ol>
 *   <li>latency from a line printed on a node to its arrival at an SSE client, at 1,000 lines/s;</li>
 *   <li>the highest line rate held without loss (every line arrives, once, and the node is not slowed);</li>
 *   <li>time to open the tail of a 1,000,000-line log (the job page and the API).</li>
 * </ol>
 * Nodes and the console share one kernel clock in the bed, so a node's timestamp and the client's compare directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + JobLogBenchmark.PASSWORD)
@Import(TestEnvironments.class)
class JobLogBenchmark {

    static final String PASSWORD = "benchmark-secret";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("job-log-benchmark")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryEnvironments environments;

    private final StringBuilder report = new StringBuilder();
    private ConsoleClient client;
    private Environment env;

    /** Prints {@code count} numbered lines at {@code rate}/s (0 = as fast as possible), each with the time it was printed. */
    private static String generator(int count, int rate) {
        return "perl -MTime::HiRes=time,sleep -e '$|=1; my $t0=time; for my $i (1.." + count + ") { "
                + (rate > 0 ? "my $d=$t0+$i/" + rate + "-time; sleep($d) if $d>0; " : "")
                + "printf \"%d %.6f\\n\", $i, time; }'";
    }

    private record Run(long lines, double producedPerSecond, double receivedPerSecond, List<Double> latenciesMs, boolean complete) {
    }

    private Run run(int count, int rate) throws Exception {
        long id = client.post("/api/v1/environments/" + env.id() + "/jobs",
                Map.of("type", "command", "nodes", List.of("node1"), "command", generator(count, rate))).json().get("id").asLong();
        List<Double> latencies = new ArrayList<>(count);
        AtomicLong expected = new AtomicLong(1);
        AtomicLong numbered = new AtomicLong(0);
        double[] printed = new double[2];
        boolean[] ordered = {true};
        client.events(id, null, event -> {
            if ("end".equals(event.name())) {
                return false;
            }
            double now = System.currentTimeMillis() / 1000.0;
            JsonNode line = client.json(event.data());
            ordered[0] &= line.get("seq").asLong() == expected.getAndIncrement();
            if (line.get("stream").asString().equals("stdout")) {
                String[] parts = line.get("text").asString().split(" ");
                ordered[0] &= Long.parseLong(parts[0]) == numbered.incrementAndGet();
                double at = Double.parseDouble(parts[1]);
                printed[0] = printed[0] == 0 ? at : printed[0];
                printed[1] = at;
                latencies.add((now - at) * 1000);
            }
            return true;
        });
        double printSpan = Math.max(1e-3, printed[1] - printed[0]);
        double receiveSpan = Math.max(1e-3, printed[0] + printSpan + latencies.get(latencies.size() - 1) / 1000 - printed[0]);
        return new Run(numbered.get(), (numbered.get() - 1) / printSpan, numbered.get() / receiveSpan, latencies,
                ordered[0] && numbered.get() == count);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p / 100 * sorted.size())));
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[benchmark] " + line);
        report.append(line).append('\n');
    }

    @Test
    void measure() throws Exception {
        client = new ConsoleClient(port, "admin", PASSWORD);
        env = environments.save(TestBed.environment(0, "benchmark", TestBed.get().nodes()).withId(null), Fixtures.BY_TEST);
        say("machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());

        run(2000, 1000); // warm-up: class loading, JIT, connection set-up
        Run latency = run(10_000, 1000);
        say("latency node -> SSE client at 1,000 lines/s (10,000 lines): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; all arrived once in order: %s",
                percentile(latency.latenciesMs(), 50), percentile(latency.latenciesMs(), 95), percentile(latency.latenciesMs(), 99),
                percentile(latency.latenciesMs(), 100), latency.complete());

        for (int rate : new int[] {5_000, 10_000, 20_000, 40_000, 0}) {
            int count = rate == 0 ? 400_000 : Math.max(50_000, rate * 5);
            Run r = run(count, rate);
            say("rate %s: %d lines, node printed %.0f lines/s, client received %.0f lines/s, p50 %.0f ms, p95 %.0f ms; all arrived once in order: %s",
                    rate == 0 ? "unthrottled" : rate + "/s", r.lines(), r.producedPerSecond(), r.receivedPerSecond(),
                    percentile(r.latenciesMs(), 50), percentile(r.latenciesMs(), 95), r.complete());
        }

        long big = client.post("/api/v1/environments/" + env.id() + "/jobs",
                Map.of("type", "command", "nodes", List.of("node1"), "command", "seq 1 1000000")).json().get("id").asLong();
        long started = System.nanoTime();
        JsonNode done = client.awaitEnd(big, Duration.ofMinutes(10));
        say("1,000,000-line job (seq 1 1000000): stored in %.1f s (%.0f lines/s), lastSeq %d",
                (System.nanoTime() - started) / 1e9, 1_000_000 / ((System.nanoTime() - started) / 1e9), done.get("lastSeq").asLong());
        for (int i = 1; i <= 3; i++) {
            long t = System.nanoTime();
            ConsoleClient.Response page = client.get("/jobs/" + big);
            double pageMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            long lastSeq = done.get("lastSeq").asLong();
            long[] got = {0};
            client.events(big, Long.toString(lastSeq - 500), e -> {
                got[0]++;
                return !"end".equals(e.name());
            });
            double sseMs = (System.nanoTime() - t) / 1e6;
            say("open the tail of the 1,000,000-line log, try %d: job page (last 500 lines) %.0f ms, %d bytes, HTTP %d; "
                    + "API stream of the last 500 lines + end %.0f ms (%d events)", i, pageMs, page.body().length(), page.status(), sseMs, got[0]);
        }
        long t = System.nanoTime();
        int textLength = client.get("/api/v1/jobs/" + big + "/log").body().length();
        say("full text log download: %.1f s, %d MB", (System.nanoTime() - t) / 1e9, textLength / 1_000_000);
        Files.writeString(Path.of("target", "job-log-benchmark.txt"), report);
    }
}
