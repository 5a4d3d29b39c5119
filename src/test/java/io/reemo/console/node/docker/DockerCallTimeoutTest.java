package io.reemo.console.node.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import io.reemo.console.node.NodeProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Docker call timeout as the bridge's clients get it, against a stand-in daemon on a local UNIX socket: a daemon
 * that stops answering fails the call, while a pull whose progress keeps flowing outlasts the timeout unharmed.
 */
class DockerCallTimeoutTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    private static final NodeProperties TIMEOUTS = new NodeProperties(null, null, null, null, Duration.ofSeconds(5), CALL_TIMEOUT);

    private Path directory;
    private ServerSocketChannel daemon;
    private Thread serving;

    @AfterEach
    void stop() throws Exception {
        serving.interrupt();
        daemon.close();
        serving.join(5000);
        Files.deleteIfExists(directory.resolve("docker.sock"));
        Files.deleteIfExists(directory);
    }

    @Test
    void aDaemonThatStopsAnsweringFailsTheCallAfterTheTimeout() throws Exception {
        Path socket = daemon(out -> {
            // reads the request, then says nothing
        });
        DockerClient docker = DockerOverSsh.client(socket, "node1", TIMEOUTS, null);

        long start = System.nanoTime();
        assertThatThrownBy(() -> docker.pingCmd().exec()).hasRootCauseInstanceOf(SocketTimeoutException.class)
                .hasRootCauseMessage("Docker on node1 sent nothing for 1 s (console.node.docker-call-timeout): the call was stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(CALL_TIMEOUT).isLessThan(Duration.ofSeconds(5));
        docker.close();
    }

    @Test
    void aPullWhoseProgressKeepsFlowingOutlastsTheTimeout() throws Exception {
        Path socket = daemon(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 8; i++) {
                chunk(out, "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":" + i + ",\"total\":8},\"id\":\"layer\"}\r\n");
                sleep(300);
            }
            chunk(out, "{\"status\":\"Status: Downloaded newer image for api:2.14.0\"}\r\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
        DockerClient docker = DockerOverSsh.client(socket, "node1", TIMEOUTS, null);
        List<String> statuses = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        boolean done = docker.pullImageCmd("api:2.14.0").exec(new ResultCallback.Adapter<PullResponseItem>() {
            @Override
            public void onNext(PullResponseItem item) {
                statuses.add(item.getStatus());
            }

            @Override
            public void onError(Throwable throwable) {
                errors.add(throwable);
                super.onError(throwable);
            }
        }).awaitCompletion(10, TimeUnit.SECONDS);

        assertThat(done).isTrue();
        assertThat(errors).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(CALL_TIMEOUT.multipliedBy(2));
        assertThat(statuses).hasSize(9).endsWith("Status: Downloaded newer image for api:2.14.0");
        docker.close();
    }

    @FunctionalInterface
    private interface Answer {
        void write(OutputStream out) throws IOException;
    }

    /** A daemon that answers every request of a connection the same way, on a socket only this user may reach. */
    private Path daemon(Answer answer) throws IOException {
        directory = Files.createTempDirectory("reemo-docker-test-");
        Path socket = directory.resolve("docker.sock");
        daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        daemon.bind(UnixDomainSocketAddress.of(socket));
        serving = new Thread(() -> {
            while (daemon.isOpen()) {
                try (SocketChannel connection = daemon.accept()) {
                    InputStream in = Channels.newInputStream(connection);
                    OutputStream out = Channels.newOutputStream(connection);
                    readRequest(in);
                    answer.write(out);
                    readRequest(in); // holds the connection until the client closes it
                } catch (IOException closed) {
                    return;
                }
            }
        }, "docker-stand-in");
        serving.setDaemon(true);
        serving.start();
        return socket;
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
