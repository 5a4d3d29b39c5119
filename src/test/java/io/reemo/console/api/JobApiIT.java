package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.environment.Node;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The jobs API on the real test bed: facts, commands on 3 nodes, host keys, dead nodes, cancel, locks, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + JobApiIT.PASSWORD)
@Import(TestEnvironments.class)
class JobApiIT {

    static final String PASSWORD = "job-api-it-secret";
    private static final TestBed bed = TestBed.get();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("job-api-it")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryEnvironments environments;
    @Autowired
    JdbcUserDetailsManager users;
    @Autowired
    PasswordEncoder encoder;

    private ConsoleClient admin;
    private Environment threeNodes;

    @BeforeEach
    void setUp() {
        admin = new ConsoleClient(port, "admin", PASSWORD);
        threeNodes = environments.save(TestBed.environment(0, "bed-" + System.nanoTime(), bed.nodes()).withId(null), Fixtures.BY_TEST);
    }

    private long start(Environment environment, Map<String, Object> body) {
        ConsoleClient.Response response = admin.post("/api/v1/environments/" + environment.id() + "/jobs", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private static JsonNode node(JsonNode job, String name) {
        for (JsonNode node : job.get("steps").get(0).get("nodes")) {
            if (node.get("node").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no node " + name + " in " + job);
    }

    @Test
    void factsJobRecordsEveryNodesFacts() throws Exception {
        long id = start(threeNodes, Map.of("type", "facts"));
        JsonNode job = admin.awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("changing").asBoolean()).isFalse();
        for (Node node : environments.get(threeNodes.id()).nodes()) {
            assertThat(node.facts()).as(node.name()).isNotNull();
            assertThat(node.facts().cpus()).isPositive();
            assertThat(node.facts().memoryMb()).isPositive();
            assertThat(node.facts().os()).isNotBlank();
            assertThat(node.facts().dockerVersion()).as("Docker on " + node.name()).isNotBlank();
            // other tests on the shared bed create and leave swarms: check the state is read, not which it is
            assertThat(node.facts().swarmState()).isIn("inactive", "pending", "active", "error", "locked");
            assertThat(node.facts().swarmRole() != null).isEqualTo(node.facts().swarmState().equals("active"));
            assertThat(node.facts().hostname()).isEqualTo(node.name());
        }
        String log = admin.get("/api/v1/jobs/" + id + "/log").body();
        assertThat(log).contains("[facts] [node1] Facts: ", "[facts] [node3] Facts: ", "matches the pin");
        assertThat(log.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\[job\\] \\[console\\] .*");
    }

    @Test
    void aCommandOnThreeNodesStreamsInterleavedOutput() throws Exception {
        long id = start(threeNodes, Map.of("type", "command",
                "command", "for i in 1 2 3 4 5; do echo \"$(hostname) line $i\"; echo \"warn $i\" >&2; sleep 0.3; done"));
        List<ConsoleClient.Event> events = new ArrayList<>();
        admin.events(id, null, events::add);

        ConsoleClient.Event end = events.get(events.size() - 1);
        assertThat(end.name()).isEqualTo("end");
        assertThat(admin.json(end.data()).get("status").asString()).isEqualTo("succeeded");
        List<JsonNode> lines = events.stream().filter(e -> e.name() == null).map(e -> admin.json(e.data())).toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("seq").asLong()).isEqualTo(i + 1);
            assertThat(events.get(i).id()).isEqualTo(Long.toString(i + 1));
        }
        List<String> nodesInOrder = lines.stream().filter(l -> l.get("stream").asString().equals("stdout"))
                .map(l -> l.get("node").asString()).toList();
        assertThat(nodesInOrder).hasSize(15);
        long switches = 0;
        for (int i = 1; i < nodesInOrder.size(); i++) {
            switches += nodesInOrder.get(i).equals(nodesInOrder.get(i - 1)) ? 0 : 1;
        }
        assertThat(switches).as("lines of the 3 nodes arrive interleaved: " + nodesInOrder).isGreaterThanOrEqualTo(6);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("stream").asString()).isEqualTo("stderr");
            assertThat(l.get("text").asString()).startsWith("warn ");
        });
    }

    @Test
    void aChangedHostKeyIsRefusedAndTheOtherNodesGoOn() throws Exception {
        String wrong = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        List<Node> nodes = new ArrayList<>(bed.nodes());
        nodes.set(0, nodes.get(0).withHostKey(wrong));
        Environment env = environments.save(TestBed.environment(0, "wrong-key", nodes).withId(null), Fixtures.BY_TEST);
        long id = start(env, Map.of("type", "facts"));
        JsonNode job = admin.awaitEnd(id, Duration.ofSeconds(60));

        assertThat(job.get("status").asString()).isEqualTo("failed");
        JsonNode node1 = node(job, "node1");
        assertThat(node1.get("status").asString()).isEqualTo("failed");
        assertThat(node1.get("message").asString()).contains("HOST KEY CHANGED", wrong, bed.nodes().get(0).hostKeySha256());
        assertThat(node(job, "node2").get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("message").asString()).contains("node1");
    }

    @Test
    void aNodeWhoseSshdDoesNotAnswerFailsItsStepWithin30SecondsNamingIt() throws Exception {
        List<Node> nodes = new ArrayList<>(bed.nodes().subList(0, 2));
        nodes.add(bed.deadNode("node9"));
        Environment env = environments.save(TestBed.environment(0, "dead-node", nodes).withId(null), Fixtures.BY_TEST);
        long started = System.nanoTime();
        long id = start(env, Map.of("type", "facts"));
        JsonNode job = admin.awaitEnd(id, Duration.ofSeconds(40));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        JsonNode node9 = node(job, "node9");
        assertThat(node9.get("status").asString()).isEqualTo("failed");
        assertThat(node9.get("message").asString()).contains("node9", TestBed.DEAD_ADDRESS);
        assertThat(job.get("message").asString()).contains("failed on node9");
        assertThat(node(job, "node1").get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void cancelStopsTheRemoteCommandsAndMarksTheJobCancelled() throws Exception {
        long id = start(threeNodes, Map.of("type", "command", "command", "echo started; sleep 4242; echo never"));
        List<String> seen = new ArrayList<>();
        admin.events(id, null, e -> {
            seen.add(e.data());
            return !e.data().contains("started");
        });
        ConsoleClient.Response cancel = admin.post("/api/v1/jobs/" + id + "/cancel", Map.of());
        assertThat(cancel.status()).isEqualTo(202);
        JsonNode job = admin.awaitEnd(id, Duration.ofSeconds(15));

        assertThat(job.get("status").asString()).isEqualTo("cancelled");
        assertThat(node(job, "node1").get("status").asString()).isEqualTo("cancelled");
        assertThat(admin.get("/api/v1/jobs/" + id + "/log").body()).contains("Cancel requested by admin").doesNotContain("never");
        long check = start(threeNodes, Map.of("type", "command", "command", "pgrep -f 'sleep 424[2]' || echo none-left", "nodes", List.of("node1")));
        admin.awaitEnd(check, Duration.ofSeconds(30));
        assertThat(admin.get("/api/v1/jobs/" + check + "/log").body()).contains("[node1] none-left");
        assertThat(admin.post("/api/v1/jobs/" + id + "/cancel", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aSecondChangingJobIsRefusedWhileReadOnlyJobsMayRunBeside() throws Exception {
        long first = start(threeNodes, Map.of("type", "command", "command", "sleep 3", "nodes", List.of("node1")));
        ConsoleClient.Response second = admin.post("/api/v1/environments/" + threeNodes.id() + "/jobs",
                Map.of("type", "command", "command", "uptime"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("job " + first, "command", "admin");
        assertThat(second.json().get("runningJobId").asLong()).isEqualTo(first);

        long facts = start(threeNodes, Map.of("type", "facts", "nodes", List.of("node2")));
        assertThat(admin.awaitEnd(facts, Duration.ofSeconds(30)).get("status").asString()).isEqualTo("succeeded");
        assertThat(admin.awaitEnd(first, Duration.ofSeconds(30)).get("status").asString()).isEqualTo("succeeded");
        long third = start(threeNodes, Map.of("type", "command", "command", "true"));
        assertThat(admin.awaitEnd(third, Duration.ofSeconds(30)).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void badRequestsAreRefusedWithClearMessages() {
        String path = "/api/v1/environments/" + threeNodes.id() + "/jobs";
        ConsoleClient.Response unknown = admin.post(path, Map.of("type", "reboot-everything"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("unknown job type 'reboot-everything'", "facts", "command");

        ConsoleClient.Response bad = admin.post(path, Map.of("type", "command", "nodes", List.of("node7"), "node", "x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems").toString()).contains("'command' is required", "no node 'node7'", "unknown parameter 'node'");
        assertThat(bad.json().get("problems").findValuesAsString("field")).contains("command", "nodes", "node");

        assertThat(admin.post("/api/v1/environments/999999/jobs", Map.of("type", "facts")).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/jobs/999999").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/jobs/999999/events", "text/event-stream").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/jobs/999999/log").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/jobs?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsRunCommandsOperatorsGatherFactsAndViewersStartNothing() throws Exception {
        if (!users.userExists("viewer")) {
            users.createUser(User.withUsername("viewer").password(encoder.encode("viewer-pass")).roles("VIEWER").build());
        }
        if (!users.userExists("operator")) {
            users.createUser(User.withUsername("operator").password(encoder.encode("operator-pass")).roles("OPERATOR").build());
        }
        ConsoleClient viewer = new ConsoleClient(port, "viewer", "viewer-pass");
        ConsoleClient operator = new ConsoleClient(port, "operator", "operator-pass");
        String path = "/api/v1/environments/" + threeNodes.id() + "/jobs";
        ConsoleClient.Response refused = operator.post(path, Map.of("type", "command", "command", "id"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("Only administrators");
        assertThat(viewer.post(path, Map.of("type", "facts", "nodes", List.of("node1"))).status()).isEqualTo(403);

        ConsoleClient.Response facts = operator.post(path, Map.of("type", "facts", "nodes", List.of("node1")));
        assertThat(facts.status()).isEqualTo(202);
        assertThat(admin.awaitEnd(facts.json().get("id").asLong(), Duration.ofSeconds(30)).get("startedBy").asString()).isEqualTo("operator");
    }

    @Test
    void historyFiltersByEnvironmentStatusAndType() throws Exception {
        long id = start(threeNodes, Map.of("type", "command", "command", "exit 3", "nodes", List.of("node2")));
        JsonNode job = admin.awaitEnd(id, Duration.ofSeconds(30));
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(node(job, "node2").get("exitCode").asInt()).isEqualTo(3);

        JsonNode failed = admin.get("/api/v1/jobs?environment=" + threeNodes.id() + "&status=failed&type=command").json();
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(admin.get("/api/v1/jobs?environment=" + threeNodes.id() + "&status=succeeded").json().size()).isZero();
    }
}
