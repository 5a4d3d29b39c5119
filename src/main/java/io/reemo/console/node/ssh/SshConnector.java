package io.reemo.console.node.ssh;

import io.reemo.console.node.HostKeyChangedException;
import io.reemo.console.node.HostKeyUnknownException;
import io.reemo.console.node.NodeProperties;
import io.reemo.console.node.SshException;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.secrets.SecretMasker;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * Opens SSH connections to nodes with strict host keys: the presented key must match the node's
 * pinned SHA-256 fingerprint, or no connection proceeds (no known_hosts file, never "accept any").
 * The timeouts are {@link NodeProperties}': a dead address fails within the login timeout, because TCP
 * connect, then banner, key exchange and login all fit in it.
 */
public final class SshConnector implements AutoCloseable {

    static {
        // sshj would otherwise add BouncyCastle as a JVM-wide JCA provider on first use, and from then on
        // every KeyFactory("EC") user in the console (PKI, registry TLS) silently gets BC keys named "ECDSA"
        // (library-traps.md #16), depending on whether an SSH connection happened first. sshj 0.40 works on the
        // JDK's own providers (Ed25519, X25519, ECDH, AES-GCM are in Java 17) and uses BC's classes directly
        // for key files, so leaving the provider list alone costs nothing and keeps every module deterministic.
        SecurityUtils.setRegisterBouncyCastle(false);
    }

    private final SecretMasker masker;
    private final NodeProperties timeouts;
    private final LocalFiles files;
    private final DefaultConfig config;
    private final ExecutorService readers = Executors.newCachedThreadPool(daemon("ssh-stderr-"));
    /** Deadlines only: what they trigger that may block runs on {@link #terminators}, so no deadline waits behind it. */
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("ssh-timer-"));
    /** Stopping a command takes seconds (TERM, a grace, KILL, each over the network): each stop on a thread of its own. */
    private final ExecutorService terminators = Executors.newCachedThreadPool(daemon("ssh-terminate-"));

    public SshConnector(SecretMasker masker, NodeProperties timeouts, LocalFiles files) {
        this.masker = masker;
        this.files = files;
        this.timeouts = timeouts;
        this.config = new DefaultConfig();
        // KEEP_ALIVE (not the default HEARTBEAT) drops a connection whose server stopped answering
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    /**
     * Connects and logs in. Refuses with {@link HostKeyUnknownException} when the node has no pin and
     * {@link HostKeyChangedException} when the key differs; any other failure is an {@link SshException}
     * whose message names the node.
     */
    public SshConnection connect(SshTarget target) {
        if (target.hostKeySha256() == null || target.hostKeySha256().isBlank()) {
            throw new HostKeyUnknownException(target.name(), target.describe(), probeHostKey(target.name(), target.address(), target.port()));
        }
        if (target.auth() != null && target.auth().password() != null) {
            masker.register(target.auth().password());
        }
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(target.hostKeySha256());
        SSHClient client = newClient(verifier);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            expired.set(true);
            disconnect(client);
        }, timeouts.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            client.connect(target.address(), target.port());
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) timeouts.keepAlive().toSeconds());
            login(client, target);
            if (!deadline.cancel(false)) {
                throw new IOException("no complete answer within " + timeouts.loginTimeout().toSeconds() + " s");
            }
            return new SshConnection(target, client, readers, timers, terminators, masker::mask);
        } catch (UserAuthException e) {
            disconnect(client);
            throw new SshException(target.name(), target.describe() + ": login as " + target.user() + " refused ("
                    + target.auth().kind().name().toLowerCase().replace('_', ' ') + "): " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            disconnect(client);
            if (verifier.presented() != null && !HostKeyFingerprint.matches(target.hostKeySha256(), verifier.presented())) {
                throw new HostKeyChangedException(target.name(), target.describe(), HostKeyFingerprint.normalize(target.hostKeySha256()), verifier.presented());
            }
            if (expired.get()) {
                throw new SshException(target.name(), target.describe() + ": no answer within " + timeouts.loginTimeout().toSeconds()
                        + " s (is sshd running and reachable?)", e);
            }
            throw failure(target, "cannot connect", e);
        } finally {
            deadline.cancel(false);
        }
    }

    /** Fetches the host key's SHA-256 fingerprint without logging in, for the operator to pin; a failure names the server {@code name}. */
    public String probeHostKey(String name, String address, int port) {
        PinnedHostKeyVerifier recorder = new PinnedHostKeyVerifier(null);
        SSHClient client = newClient(recorder);
        ScheduledFuture<?> deadline = timers.schedule(() -> disconnect(client), timeouts.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            client.connect(address, port);
        } catch (IOException expected) {
            // the recorder refuses every key, so a reachable server always ends here
            if (recorder.presented() == null) {
                throw failure(new SshTarget(name, address, port, null, null, null), "cannot read the host key", expected);
            }
        } finally {
            deadline.cancel(false);
            disconnect(client);
        }
        if (recorder.presented() == null) {
            throw new SshException(name, name + " (" + address + ":" + port + "): the server presented no host key", null);
        }
        return recorder.presented();
    }

    private SSHClient newClient(PinnedHostKeyVerifier verifier) {
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) timeouts.connectTimeout().toMillis());
        client.getTransport().setTimeoutMs((int) timeouts.connectTimeout().toMillis());
        return client;
    }

    private void login(SSHClient client, SshTarget target) throws IOException {
        switch (target.auth().kind()) {
            case KEY -> {
                KeyProvider key = client.loadKeys(target.auth().privateKeyPem(), null, null);
                client.authPublickey(target.user(), key);
            }
            // read where the console may read files (LocalFiles), never any path a form was given
            case KEY_FILE -> client.authPublickey(target.user(), client.loadKeys(files.readText(target.auth().privateKeyFile()), null, null));
            case PASSWORD -> client.authPassword(target.user(), target.auth().password());
        }
    }

    private static SshException failure(SshTarget target, String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SshException(target.name(), target.describe() + ": " + what + ": " + reason, e);
    }

    private static void disconnect(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to close
        }
    }

    /** Stops the threads that read stderr and time commands: only when the console stops. */
    @Override
    public void close() {
        readers.shutdownNow();
        timers.shutdownNow();
        terminators.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
