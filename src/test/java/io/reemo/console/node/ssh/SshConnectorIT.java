package io.reemo.console.node.ssh;

import io.reemo.console.environment.LocalFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.Node;
import io.reemo.console.node.CommandResult;
import io.reemo.console.node.HostKeyChangedException;
import io.reemo.console.node.HostKeyUnknownException;
import io.reemo.console.node.NodeProperties;
import io.reemo.console.node.SshException;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.support.TestBed;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SSH against the real test bed's sshd. */
class SshConnectorIT {

    private static final TestBed bed = TestBed.get();
    private static SshConnector connector;

    @BeforeAll
    static void start() {
        connector = new SshConnector(new SecretMasker(), new NodeProperties(null, null, null, null, null, null),
                new LocalFiles(List.of(TestBed.get().privateKey().getParent())));
    }

    @AfterAll
    static void stop() {
        connector.close();
    }

    private static Node node1() {
        return bed.nodes().get(0);
    }

    @Test
    void runsACommandStreamingBothStreamsWithItsExitCode() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (SshConnection ssh = connector.connect(SshTarget.of(node1()))) {
            CommandResult result = ssh.run("echo out1; echo err1 >&2; sleep 0.3; echo out2; exit 3", Duration.ofSeconds(20),
                    (stream, text) -> lines.add(stream + ":" + text));
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.succeeded()).isFalse();
            assertThat(lines).containsExactlyInAnyOrder("STDOUT:out1", "STDERR:err1", "STDOUT:out2");
            assertThat(lines.indexOf("STDOUT:out1")).isLessThan(lines.indexOf("STDOUT:out2"));
        }
        assertThat(Security.getProvider("BC")).as("sshj must not register BouncyCastle JVM-wide").isNull();
    }

    @Test
    void linesArriveWhileTheCommandStillRuns() {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (SshConnection ssh = connector.connect(SshTarget.of(node1()))) {
            ssh.run("for i in 1 2 3; do echo $i; sleep 0.4; done", Duration.ofSeconds(20),
                    (stream, text) -> arrivals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        }
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.get(2) - arrivals.get(0)).as("streamed, not delivered at the end").isGreaterThan(600);
    }

    @Test
    void aChangedHostKeyIsRefusedShowingBothFingerprints() {
        String wrongPin = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Node node = node1().withHostKey(wrongPin);
        assertThatThrownBy(() -> connector.connect(SshTarget.of(node)))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.expected()).isEqualTo(wrongPin);
                    assertThat(e.presented()).isEqualTo(HostKeyFingerprint.normalize(node1().hostKeySha256()));
                    assertThat(e.getMessage()).contains("node1", wrongPin, e.presented(), "HOST KEY CHANGED");
                });
    }

    @Test
    void anUnpinnedNodeIsRefusedWithThePresentedFingerprint() {
        Node node = node1().withHostKey(null);
        assertThatThrownBy(() -> connector.connect(SshTarget.of(node)))
                .isInstanceOfSatisfying(HostKeyUnknownException.class,
                        e -> assertThat(e.presented()).isEqualTo(HostKeyFingerprint.normalize(node1().hostKeySha256())));
        assertThat(connector.probeHostKey(node.name(), node.address(), node.sshPort()))
                .isEqualTo(HostKeyFingerprint.normalize(node1().hostKeySha256()));
    }

    @Test
    void aNodeWhoseSshdDoesNotAnswerFailsWithin30SecondsNamingIt() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.connect(SshTarget.of(bed.deadNode("node9"))))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("node9")
                .hasMessageContaining(TestBed.DEAD_ADDRESS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aCommandPastItsTimeoutIsStopped() {
        long start = System.nanoTime();
        try (SshConnection ssh = connector.connect(SshTarget.of(node1()))) {
            CommandResult result = ssh.run("sleep 30", Duration.ofSeconds(1), (stream, text) -> { });
            assertThat(result.timedOut()).isTrue();
            assertThat(result.succeeded()).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void cancelStopsTheRemoteCommandAndItsChildren() throws Exception {
        try (SshConnection ssh = connector.connect(SshTarget.of(node1()))) {
            CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(() ->
                    ssh.run("sleep 3017 & sleep 3017; echo never", Duration.ofMinutes(5), (stream, text) -> { }));
            Thread.sleep(700);
            ssh.cancel();
            CommandResult result = running.get(10, TimeUnit.SECONDS);
            assertThat(result.cancelled()).isTrue();
        }
        try (SshConnection check = connector.connect(SshTarget.of(node1()))) {
            List<String> left = new ArrayList<>();
            check.run("sleep 0.5; pgrep -f 'sleep 301[7]' || true", Duration.ofSeconds(10), (stream, text) -> left.add(text));
            assertThat(left).as("no remote process left").isEmpty();
        }
    }

    @Test
    void exposesTheConnectedClientForOtherChannels() throws Exception {
        try (SshConnection ssh = connector.connect(SshTarget.of(node1()))) {
            assertThat(ssh.client().isAuthenticated()).isTrue();
            try (var session = ssh.client().startSession()) {
                var cmd = session.exec("echo via-client");
                assertThat(new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("via-client\n");
            }
        }
    }
}
