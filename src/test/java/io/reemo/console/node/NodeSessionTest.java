package io.reemo.console.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.node.ssh.SshConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A session's commands get the configured default timeout; closing it closes its connection and refuses Docker. */
class NodeSessionTest {

    private final SshConnection ssh = mock(SshConnection.class);
    private final NodeProperties timeouts = new NodeProperties(null, null, null, Duration.ofSeconds(42), null, null);
    private final NodeSession session = new NodeSession("node1", ssh, timeouts);
    private final OutputListener ignore = (stream, text) -> { };

    @Test
    void aCommandWithoutATimeoutOfItsOwnGetsTheConfiguredOne() {
        CommandResult done = new CommandResult(0, null, false, false, Duration.ofMillis(5));
        when(ssh.run("uptime", Duration.ofSeconds(42), ignore)).thenReturn(done);

        assertThat(session.run("uptime", ignore)).isSameAs(done);
        assertThat(session.commandTimeout()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void theDefaultsAreTheTimeoutsTheConsoleAlwaysHad() {
        NodeProperties defaults = new NodeProperties(null, null, null, null, null, null);

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.loginTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(defaults.keepAlive()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.commandTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.dockerConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.dockerCallTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void cancelStopsTheCommandsAndCloseClosesTheConnectionAndRefusesDockerAfter() {
        session.cancel();
        verify(ssh).cancel();

        session.close();

        verify(ssh).close();
        assertThatThrownBy(session::docker).isInstanceOf(IllegalStateException.class).hasMessage("The session to node1 is closed.");
    }
}
