package io.reemo.console.node.ssh;

import java.util.List;
import io.reemo.console.environment.LocalFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.SshAuth;
import io.reemo.console.node.NodeProperties;
import io.reemo.console.node.SshException;
import io.reemo.console.secrets.SecretMasker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The login timeout of console.node.* bounds a server that accepts the connection and then says nothing. */
class SshConnectorTimeoutTest {

    @Test
    void aServerThatNeverSendsItsBannerFailsWithinTheLoginTimeoutNamingTheNode() throws Exception {
        NodeProperties timeouts = new NodeProperties(Duration.ofSeconds(10), Duration.ofSeconds(1), null, null, null, null);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SshConnector connector = new SshConnector(new SecretMasker(), timeouts, new LocalFiles(List.of()))) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            SshTarget target = new SshTarget("node7", "127.0.0.1", silent.getLocalPort(), "root", SshAuth.password("secret"),
                    "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

            long start = System.nanoTime();
            assertThatThrownBy(() -> connector.connect(target))
                    .isInstanceOf(SshException.class)
                    .hasMessage("node7 (127.0.0.1:" + silent.getLocalPort() + "): no answer within 1 s (is sshd running and reachable?)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            Socket connection = accepted.get();
            if (connection != null) {
                connection.close();
            }
        }
    }
}
