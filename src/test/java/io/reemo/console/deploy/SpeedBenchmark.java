package io.reemo.console.deploy;

import io.reemo.console.environment.Node;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.LogSilence;
import io.reemo.console.support.RoleLikeInstall;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17's measures on the bed, side by side in each round: the console against raw Docker and against the role-like
 * Ansible playbook. Not part of the suite (its name is no *IT): docker/bench.sh runs it and turns its {@code BENCH}
 * lines ({@code BENCH <measure> <side> <seconds>}) into the README's table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=bench", "console.data-dir=target/test-data/speed-benchmark"})
class SpeedBenchmark {

    private static final String PORTAL = "portal.bench.test";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern REPLICAS = Pattern.compile("(\\d+)/(\\d+)");
    private static final Path FIGURES = Path.of(System.getProperty("bench.figures", "target/bench/figures.txt"));

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    private final TestBed bed = TestBed.get();
    private ConsoleClient api;
    private RoleLikeInstall role;
    private Node node1;

    @Test
    void measureSideBySide() throws Exception {
        api = new ConsoleClient(port, "admin", "bench");
        role = new RoleLikeInstall(bed, work);
        node1 = bed.node("node1");
        Path inventory = work.resolve("inventory.yml");
        Files.writeString(inventory, BedInventories.simpleCluster(bed, PORTAL));
        Files.createDirectories(FIGURES.toAbsolutePath().getParent());
        int rounds = Integer.getInteger("bench.rounds", 3);
        for (int round = 1; round <= rounds; round++) {
            round(inventory, round);
        }
    }

    private void round(Path inventory, int round) throws Exception {
        bed.reset();
        long start = System.nanoTime();
        role.run(inventory);
        awaitRoleConverged();
        report("install", "role", start);

        bed.reset();
        long id = api.importAndPin("bench-" + round + "-" + System.nanoTime(), Files.readString(inventory), bed);
        job(id, "install", "install", Map.of("type", "install", "initDb", true));
        dashboard(id);
        job(id, "reapply", "reapply", Map.of("type", "install"));

        job(id, "update", "update", Map.of("type", "update", "tags", List.of("api"), "versions", Map.of("DOCKER_VERSION_API", "2.14.0")));
        start = System.nanoTime();
        // the same service back to the version before, as an operator would by hand: its update settings are the console's
        role.ssh(node1, "docker service update --quiet --image " + bed.registryUrl() + "/" + bed.registryEnv() + "api:2.13.10 reemo_api");
        report("update", "raw", start);
        // the console records what it asked for: asked for what now runs, it changes nothing, and its checks pass again
        job(id, "update-to-what-runs", "update", Map.of("type", "update", "tags", List.of("api"),
                "versions", Map.of("DOCKER_VERSION_API", "2.13.10")));

        job(id, "maintenance-on", "maintenance", Map.of("type", "maintenance", "enable", true));
        job(id, "maintenance-off", "maintenance", Map.of("type", "maintenance", "enable", false));
    }

    /** Runs the job; reports its time from the request to its end, and its longest silence. */
    private void job(long id, String measure, String silenceMeasure, Map<String, Object> request) throws InterruptedException {
        long start = System.nanoTime();
        JsonNode job = api.runJob(id, request, JOB_TIMEOUT);
        if (!job.get("status").asString().equals("succeeded")) {
            throw new AssertionError(measure + " " + job.get("status").asString() + ":\n" + api.log(job));
        }
        report(measure, "console", start);
        System.out.println("STEPS " + measure + ": " + steps(job));
        LogSilence silence = LogSilence.longest(Instant.parse(job.get("startedAt").asString()),
                Instant.parse(job.get("finishedAt").asString()), api.log(job));
        figure("silence-" + silenceMeasure, "console", silence.length().toMillis() / 1000.0);
        System.out.println("SILENCE " + measure + ": " + silence);
    }

    /** Where a job's time went: each step and how long it took ("images 3.1 s"). */
    private static String steps(JsonNode job) {
        List<String> steps = new java.util.ArrayList<>();
        job.get("steps").forEach(step -> steps.add(step.get("name").asString() + " " + String.format(Locale.ROOT, "%.1f s",
                Duration.between(Instant.parse(step.get("startedAt").asString()), Instant.parse(step.get("finishedAt").asString()))
                        .toMillis() / 1000.0)));
        return String.join(", ", steps);
    }

    /** From opening an installed environment's dashboard to its first panel with the nodes' readings. */
    private void dashboard(long id) throws InterruptedException {
        long start = System.nanoTime();
        api.get("/environments/" + id);
        while (api.get("/environments/" + id + "/dashboard/live").body().contains("snapshot-pending")) {
            Thread.sleep(50);
        }
        report("dashboard", "console", start);
    }

    /** Every service runs its replicas and the migration job has completed, as {@code docker service ls} shows it. */
    private void awaitRoleConverged() throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (true) {
            String list = role.ssh(node1, "docker service ls --format '{{.Name}} {{.Replicas}}';"
                    + " docker service ps reemo_db --format 'job {{.CurrentState}}'");
            boolean converged = list.lines().allMatch(line -> line.startsWith("job ") ? line.startsWith("job Complete")
                    : line.startsWith("reemo_db ") || settled(line));
            if (converged) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the role-like install did not converge:\n" + list);
            }
            Thread.sleep(250);
        }
    }

    private static boolean settled(String serviceLine) {
        Matcher replicas = REPLICAS.matcher(serviceLine);
        return replicas.find() && replicas.group(1).equals(replicas.group(2));
    }

    private static void report(String measure, String side, long start) {
        figure(measure, side, (System.nanoTime() - start) / 1e9);
    }

    /** One line to the figures file docker/bench.sh reads ({@code -Dbench.figures}), and to the output. */
    private static void figure(String measure, String side, double seconds) {
        String line = String.format(Locale.ROOT, "BENCH %s %s %.2f%n", measure, side, seconds);
        System.out.print(line);
        try {
            Files.writeString(FIGURES, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
