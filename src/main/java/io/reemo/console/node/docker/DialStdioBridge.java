package io.reemo.console.node.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UNIX socket on the console's machine whose every connection is carried to a node's Docker daemon by one
 * {@code docker system dial-stdio} process run over SSH, as the docker CLI does for {@code ssh://} hosts.
 * The socket lives in a fresh directory only the console's user may enter: no TCP port is opened, and no other
 * local user can reach the node's Docker API (which is as good as root there).
 */
final class DialStdioBridge implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(DialStdioBridge.class);
    private static final int BUFFER_SIZE = 32 * 1024;
    private static final int STDERR_KEPT = 2048;

    private final SSHClient ssh;
    private final String node;
    private final String dialCommand;
    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final ExecutorService threads;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean closed;

    private DialStdioBridge(SSHClient ssh, String node, String dialCommand, Path directory) throws IOException {
        this.ssh = ssh;
        this.node = node;
        this.dialCommand = dialCommand;
        this.directory = directory;
        this.socket = directory.resolve("docker.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        this.server.bind(UnixDomainSocketAddress.of(socket));
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "docker-ssh-" + node + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptConnections);
    }

    static DialStdioBridge open(SSHClient ssh, String node, String dialCommand) throws IOException {
        Path directory = Files.createTempDirectory("reemo-docker-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            return new DialStdioBridge(ssh, node, dialCommand, directory);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(directory.resolve("docker.sock"));
            Files.deleteIfExists(directory);
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    /** What the node said the last time {@code dial-stdio} failed (stderr and exit status), if it ever did. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    private void acceptConnections() {
        while (!closed) {
            try {
                SocketChannel local = server.accept();
                open.add(local);
                threads.execute(() -> carry(local));
            } catch (ClosedChannelException | RejectedExecutionException e) {
                return;
            } catch (IOException e) {
                log.warn("Docker bridge to {} stopped accepting connections: {}", node, e.getMessage());
                return;
            }
        }
    }

    /** One local connection = one SSH channel running dial-stdio, until either side closes. */
    private void carry(SocketChannel local) {
        Session session = null;
        try {
            session = ssh.startSession();
            open.add(session);
            Session.Command command = session.exec(dialCommand);
            threads.execute(() -> copyToNode(local, command));
            if (copyFromNode(command, local)) {
                noteExit(command);
            }
        } catch (IOException | RejectedExecutionException e) {
            if (!closed) {
                fail("the SSH channel failed: " + e.getMessage());
            }
        } finally {
            closeQuietly(local);
            closeQuietly(session);
            open.remove(local);
            if (session != null) {
                open.remove(session);
            }
        }
    }

    /** Local bytes to dial-stdio's stdin; closing the stream sends EOF, which ends dial-stdio. */
    private static void copyToNode(SocketChannel local, Session.Command command) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try (OutputStream toNode = command.getOutputStream()) {
            while (local.read(buffer) >= 0) {
                toNode.write(buffer.array(), 0, buffer.position());
                toNode.flush();
                buffer.clear();
            }
        } catch (IOException e) {
            // either side closed: the connection is over
        }
    }

    /**
     * dial-stdio's stdout to the local connection. Written with SocketChannel.write, not a stream over the
     * channel: such streams hold the channel's blocking lock while reading, which could starve the other direction.
     *
     * @return true when dial-stdio ended, false when the local side went away first
     */
    private static boolean copyFromNode(Session.Command command, SocketChannel local) throws IOException {
        InputStream fromNode = command.getInputStream();
        byte[] bytes = new byte[BUFFER_SIZE];
        int read;
        while ((read = fromNode.read(bytes)) >= 0) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, read);
            try {
                while (buffer.hasRemaining()) {
                    local.write(buffer);
                }
            } catch (IOException localClosed) {
                return false;
            }
        }
        return true;
    }

    /** Records a failed dial-stdio before the local connection closes, so the caller's error can say why. */
    private void noteExit(Session.Command command) throws IOException {
        String stderr = new String(command.getErrorStream().readNBytes(STDERR_KEPT), StandardCharsets.UTF_8).trim();
        command.join(5, TimeUnit.SECONDS);
        Integer status = command.getExitStatus();
        if (status != null && status != 0) {
            fail("'" + dialCommand + "' exited with status " + status + (stderr.isEmpty() ? "" : ": " + stderr));
        }
    }

    private void fail(String what) {
        lastFailure.set(what);
        log.warn("Docker over SSH to {}: {}", node, what);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(DialStdioBridge::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not remove the Docker bridge directory {}: {}", directory, e.getMessage());
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing on the way out: nothing left to do with it
        }
    }
}
