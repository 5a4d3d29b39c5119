package io.reemo.console.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The viewers' policy: a session kept between reads, the first answering node serves, closed once idle. */
class ViewerSessionsTest {

    private static final Node NODE1 = Fixtures.node("node1", "10.0.0.1").withHostKey("SHA256:pin1");
    private static final Node NODE2 = Fixtures.node("node2", "10.0.0.2").withHostKey("SHA256:pin2");

    private final NodeSessions sessions = mock(NodeSessions.class);
    private final NodeSession session1 = mock(NodeSession.class);
    private final NodeSession session2 = mock(NodeSession.class);
    private final MovableClock clock = new MovableClock();
    private final ViewerSessions viewers = new ViewerSessions(sessions, new ViewerSessionProperties(Duration.ofMinutes(2)), clock);

    @Test
    void theSessionIsKeptBetweenReadsAndClosedOnceNobodyReadForIdleClose() {
        when(sessions.open(NODE1)).thenReturn(session1);

        assertThat(viewers.read("3/infra", List.of(NODE1, NODE2), session -> "first").answer()).isEqualTo("first");
        clock.pass(Duration.ofSeconds(90));
        ViewerSessions.Served<String> second = viewers.read("3/infra", List.of(NODE1, NODE2), session -> "second");

        assertThat(second.node()).isEqualTo(NODE1);
        assertThat(second.answer()).isEqualTo("second");
        verify(sessions, times(1)).open(NODE1);

        clock.pass(Duration.ofSeconds(90));
        viewers.closeIdle();
        verify(session1, never()).close();
        clock.pass(Duration.ofSeconds(31));
        viewers.closeIdle();
        verify(session1).close();

        viewers.read("3/infra", List.of(NODE1, NODE2), session -> "after idle");
        verify(sessions, times(2)).open(NODE1);
    }

    @Test
    void theFirstNodeThatAnswersServesAndTheOthersSayWhyNot() {
        Node unpinned = Fixtures.node("node0", "10.0.0.9");
        when(sessions.open(NODE1)).thenThrow(new SshException("node1", "node1 (10.0.0.1:22): cannot connect: Connection refused", null));
        when(sessions.open(NODE2)).thenReturn(session2);

        ViewerSessions.Served<String> served = viewers.read("3/infra", List.of(unpinned, NODE1, NODE2), session -> "read");

        verify(sessions, never()).open(unpinned);
        assertThat(served.node()).isEqualTo(NODE2);
        assertThat(served.unreachable()).containsExactly(
                java.util.Map.entry("node0", "its host key is not pinned yet, and the console connects to pinned nodes only"),
                java.util.Map.entry("node1", "node1 (10.0.0.1:22): cannot connect: Connection refused"));
    }

    @Test
    void aKeptSessionThatFailsIsClosedAndTheNodesAreTriedAgainInOrder() {
        when(sessions.open(NODE1)).thenReturn(session1).thenReturn(session2);
        viewers.read("3/infra", List.of(NODE1), session -> "first");

        ViewerSessions.Served<String> served = viewers.read("3/infra", List.of(NODE1), session -> {
            if (session == session1) {
                throw new DockerUnreachableException("node1", "Docker on node1 did not answer over SSH", null);
            }
            return "reconnected";
        });

        verify(session1).close();
        assertThat(served.answer()).isEqualTo("reconnected");
        assertThat(served.unreachable()).isEmpty();
    }

    @Test
    void aReadThatFailsOnAFreshSessionClosesItAndNamesTheNode() {
        when(sessions.open(NODE1)).thenReturn(session1);

        ViewerSessions.Served<String> served = viewers.read("3/infra", List.of(NODE1), session -> {
            throw new DockerUnreachableException("node1", "The Docker daemon on node1 is not running", null);
        });

        verify(session1).close();
        assertThat(served.node()).isNull();
        assertThat(served.unreachable()).containsEntry("node1", "The Docker daemon on node1 is not running");
        viewers.closeAll();
        verify(session1, times(1)).close();
    }

    @Test
    void theConsoleStoppingClosesEveryKeptSession() {
        when(sessions.open(NODE1)).thenReturn(session1);
        when(sessions.open(NODE2)).thenReturn(session2);
        viewers.read("3/a", List.of(NODE1), session -> "a");
        viewers.read("3/b", List.of(NODE2), session -> "b");

        viewers.closeAll();

        verify(session1).close();
        verify(session2).close();
    }

    /** Time that moves only when the test says so. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
