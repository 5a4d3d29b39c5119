package io.reemo.console.node;

import io.reemo.console.environment.LocalFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.environment.Node;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.support.TestBed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A session on the test bed: commands and Docker through one SSH connection, all of it gone when it closes. */
class NodeSessionsIT {

    private static final TestBed bed = TestBed.get();
    private static NodeSessions sessions;

    @BeforeAll
    static void start() {
        sessions = new NodeSessions(new SecretMasker(), new NodeProperties(null, null, null, null, null, null),
                new LocalFiles(List.of(TestBed.get().privateKey().getParent())));
    }

    @AfterAll
    static void stop() {
        sessions.shutdown();
    }

    @Test
    void commandsAndDockerGoThroughOneSessionAndCloseWithIt() {
        Node node1 = bed.node("node1");
        DockerClient docker;
        try (NodeSession session = sessions.open(node1)) {
            List<String> lines = new ArrayList<>();
            CommandResult result = session.run("hostname", (stream, text) -> lines.add(text));
            assertThat(result.succeeded()).isTrue();
            assertThat(lines).containsExactly("node1");

            docker = session.docker();
            assertThat(session.docker()).as("opened once, kept for the session").isSameAs(docker);
            assertThat(docker.infoCmd().exec().getName()).isEqualTo("node1");
        }
        assertThatThrownBy(() -> docker.pingCmd().exec()).as("the bridge closed with the session").isInstanceOf(RuntimeException.class);
    }

    @Test
    void theRegistryLoginIsCheckedByTheNodesDaemon() {
        try (NodeSession session = sessions.open(bed.node("node2"))) {
            String status = session.registryLogin(new AuthConfig().withRegistryAddress(bed.registryUrl())
                    .withUsername(bed.registryUser()).withPassword(bed.registryPassword()));

            assertThat(status).isEqualTo("Login Succeeded");
        }
    }

    @Test
    void aNodeWithoutAPinIsRefusedWithTheKeyToPin() {
        Node unpinned = bed.node("node1").withHostKey(null);

        assertThatThrownBy(() -> sessions.open(unpinned)).isInstanceOfSatisfying(HostKeyUnknownException.class,
                e -> assertThat(e.presented()).isEqualTo(sessions.probeHostKey(unpinned)));
    }
}
