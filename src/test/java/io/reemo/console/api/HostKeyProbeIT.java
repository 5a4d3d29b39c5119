package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.TestEnvironments;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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

/**
 * The host-key probe over the API on the bed's real sshd, as a script shows a person the key before pinning it:
 * what the node offers, beside the pin (none, then the same one), for administrators only; a dead node is a 502.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + HostKeyProbeIT.PASSWORD)
@Import(TestEnvironments.class)
class HostKeyProbeIT {

    static final String PASSWORD = "host-key-probe-it";
    private static final TestBed bed = TestBed.get();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("host-key-probe-it")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemoryEnvironments environments;
    @Autowired
    JdbcUserDetailsManager users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aScriptReadsTheOfferedKeyComparesItWithThePinAndPinsIt() {
        ConsoleClient admin = new ConsoleClient(port, "admin", PASSWORD);
        Environment environment = environments.save(TestBed.environment(0, "probe-" + System.nanoTime(),
                List.of(bed.node("node1").withHostKey(null), bed.deadNode("node9"))).withId(null), Fixtures.BY_TEST);
        String probe = "/api/v1/environments/" + environment.id() + "/nodes/node1/host-key/probe";

        ConsoleClient.Response unpinned = admin.post(probe, Map.of());
        assertThat(unpinned.status()).as(unpinned.body()).isEqualTo(200);
        JsonNode offered = unpinned.json();
        assertThat(offered.get("sha256").asString()).isEqualTo(bed.node("node1").hostKeySha256());
        assertThat(offered.get("pinnedSha256").isNull()).isTrue();
        assertThat(offered.get("matches").asBoolean()).isFalse();
        assertThat(offered.get("address").asString()).isEqualTo("10.199.0.1");
        assertThat(offered.get("port").asInt()).isEqualTo(22);
        assertThat(offered.get("advice").asString()).contains("ssh-keygen -l -E sha256");
        assertThat(environments.get(environment.id()).node("node1").orElseThrow().hostKeySha256()).as("nothing pinned").isNull();

        ConsoleClient.Response pinned = admin.put("/api/v1/environments/" + environment.id() + "/nodes/node1/host-key",
                Map.of("sha256", offered.get("sha256").asString()));
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        JsonNode again = admin.post(probe, Map.of()).json();
        assertThat(again.get("matches").asBoolean()).isTrue();
        assertThat(again.get("pinnedSha256").asString()).isEqualTo(bed.node("node1").hostKeySha256());

        ConsoleClient.Response dead = admin.post("/api/v1/environments/" + environment.id() + "/nodes/node9/host-key/probe", Map.of());
        assertThat(dead.status()).isEqualTo(502);
        assertThat(dead.json().get("detail").asString()).startsWith("node9 (" + TestBed.DEAD_ADDRESS + ":22): cannot read the host key");

        if (!users.userExists("viewer")) {
            users.createUser(User.withUsername("viewer").password(encoder.encode("viewer-pass")).roles("VIEWER").build());
        }
        ConsoleClient.Response refused = new ConsoleClient(port, "viewer", "viewer-pass").post(probe, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).isEqualTo("Not allowed: POST " + probe
                + " is for administrators only; ask an administrator for that role.");
    }
}
