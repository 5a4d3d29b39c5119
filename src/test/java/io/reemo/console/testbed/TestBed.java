package io.reemo.console.testbed;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import java.util.stream.IntStream;

/**
 * The facts of the shared test bed (3 nodes with sshd and dockerd, a TLS registry with auth), as
 * docker/testbed/up.sh writes them. A missing bed fails the test with what to run, never skips it.
 */
public final class TestBed {

    public static final Path PROPERTIES = Path.of("/var/tmp/reemo-testbed/testbed.properties");

    private final Properties properties = new Properties();

    private TestBed() {
        if (!Files.isReadable(PROPERTIES)) {
            throw new IllegalStateException("The test bed is not up (" + PROPERTIES + " is missing): run docker/testbed/up.sh");
        }
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + PROPERTIES, e);
        }
    }

    public static TestBed load() {
        return new TestBed();
    }

    public record BedNode(int number, String address, int port, String user, String hostKeySha256) {
        public String name() {
            return "node" + number;
        }
    }

    public int nodeCount() {
        return Integer.parseInt(required("nodes"));
    }

    public BedNode node(int number) {
        String prefix = "node" + number + ".";
        return new BedNode(number, required(prefix + "address"), Integer.parseInt(required(prefix + "port")),
                required(prefix + "user"), required(prefix + "hostKeySha256"));
    }

    public List<BedNode> nodes() {
        return IntStream.rangeClosed(1, nodeCount()).mapToObj(this::node).toList();
    }

    /** An SSH connection to a node: its host key pinned, logged in with the bed's key. The caller closes it. */
    public SSHClient connect(BedNode node) throws IOException {
        SSHClient ssh = new SSHClient(new DefaultConfig());
        try {
            ssh.addHostKeyVerifier(node.hostKeySha256());
            ssh.setConnectTimeout(5000);
            ssh.connect(node.address(), node.port());
            ssh.authPublickey(node.user(), ssh.loadKeys(sshPrivateKey().toString()));
            return ssh;
        } catch (IOException | RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    /** Path of the private key every node accepts. */
    public Path sshPrivateKey() {
        return Path.of(required("ssh.privateKey"));
    }

    /** {@code host:port} of the registry. */
    public String registryUrl() {
        return required("registry.url");
    }

    public String registryEnv() {
        return properties.getProperty("registry.env", "");
    }

    public String registryUsername() {
        return required("registry.username");
    }

    public String registryPassword() {
        return required("registry.password");
    }

    /** PEM of the registry's CA; the property holds either a file path or the PEM itself. */
    public String registryCaPem() {
        String value = required("registry.caCert");
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the registry CA " + value, e);
        }
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PROPERTIES + " has no '" + key + "': re-run docker/testbed/up.sh");
        }
        return value.trim();
    }
}
