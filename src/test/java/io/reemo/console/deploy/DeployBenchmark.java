package io.reemo.console.deploy;

import io.reemo.console.support.BedInventories;
import io.reemo.console.support.TestBed;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * On demand, not in the normal run: times a first install (INIT_DB) of the 3-node cluster on the bed and
 * re-applies that change nothing, as the console reports them.
 * {@code ./mvnw -B verify -Dit.test=DeployBenchmark -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=bench", "console.data-dir=target/test-data/deploy-benchmark"})
class DeployBenchmark {

    private static final int REAPPLIES = 5;

    @LocalServerPort
    int port;

    @Test
    void installThenReapply() throws Exception {
        TestBed bed = TestBed.get();
        bed.reset();
        ConsoleClient api = new ConsoleClient(port, "admin", "bench");
        long id = api.importAndPin("bench-" + System.nanoTime(), BedInventories.simpleCluster(bed, "portal.bench.test"), bed);

        long start = System.nanoTime();
        JsonNode install = api.runJob(id, Map.of("type", "install", "initDb", true), Duration.ofMinutes(10));
        report("install (13 services, INIT_DB)", install, start);
        for (int i = 1; i <= REAPPLIES; i++) {
            start = System.nanoTime();
            report("re-apply " + i + " (nothing to change)", api.runJob(id, Map.of("type", "install"), Duration.ofMinutes(10)), start);
        }
        for (int i = 1; i <= REAPPLIES; i++) {
            start = System.nanoTime();
            var plan = api.get("/api/v1/environments/" + id + "/plan");
            System.out.printf("BENCH plan %d: %d ms, %d changes%n", i, (System.nanoTime() - start) / 1_000_000, plan.json().get("changes").size());
        }
    }

    private static void report(String what, JsonNode job, long start) {
        System.out.printf("BENCH %s: %s in %.1f s%n", what, job.get("status").asString(), (System.nanoTime() - start) / 1e9);
    }
}
