package io.reemo.console.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;

/**
 * The real test bed: Swarm-capable nodes in network namespaces and a TLS registry with auth
 * (docker/testbed). Started on first use when it is not up yet, so a single test runs on its own.
 */
public final class TestBed {

    /** An address in the bed's network with nothing on it: a node whose sshd never answers. */
    public static final String DEAD_ADDRESS = "10.199.0.77";

    private static final Path DIR = Path.of(System.getenv().getOrDefault("TESTBED_DIR", "/var/tmp/reemo-testbed"));
    private static TestBed instance;

    private final Properties props;

    private TestBed(Properties props) {
        this.props = props;
    }

    public static synchronized TestBed get() {
        if (instance == null) {
            instance = new TestBed(load());
        }
        return instance;
    }

    private static Properties load() {
        Path file = DIR.resolve("testbed.properties");
        if (!Files.exists(file)) {
            run(projectFile("docker/testbed/up.sh"));
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("test bed facts unreadable: " + file, e);
        }
        return p;
    }

    /** Puts every node back to its starting state: no Swarm, no images, empty /opt/reemo. */
    public void reset() {
        run(projectFile("docker/testbed/reset.sh"));
    }

    /** The bed's nodes as the console models them: key file auth, host keys pinned. */
    public List<Node> nodes() {
        int count = Integer.parseInt(props.getProperty("nodes"));
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(node("node" + i));
        }
        return nodes;
    }

    public Node node(String name) {
        return new Node(name, props.getProperty(name + ".address"), Integer.parseInt(props.getProperty(name + ".port", "22")),
                props.getProperty(name + ".user", "root"), auth(), props.getProperty(name + ".hostKeySha256"), null, null);
    }

    /** A node at an address where nothing answers, with a plausible pin. */
    public Node deadNode(String name) {
        return new Node(name, DEAD_ADDRESS, 22, "root", auth(), nodes().get(0).hostKeySha256(), null, null);
    }

    public SshAuth auth() {
        return SshAuth.keyFile(privateKey().toString());
    }

    /** One simple cluster holding the given nodes. */
    public static Environment environment(long id, String name, List<Node> nodes) {
        return new Environment(id, name, Topology.CLUSTER, null, List.of(new Cluster(Cluster.INFRA, null, null, null, nodes)));
    }

    public Path privateKey() {
        return Path.of(props.getProperty("ssh.privateKey"));
    }

    /** The nodes' host keys in OpenSSH known_hosts form, for ssh and Ansible run by tests. */
    public Path knownHosts() {
        return Path.of(props.getProperty("ssh.knownHosts"));
    }

    public String registryUrl() {
        return props.getProperty("registry.url");
    }

    public String registryEnv() {
        return props.getProperty("registry.env");
    }

    public String registryUser() {
        return props.getProperty("registry.username");
    }

    public String registryPassword() {
        return props.getProperty("registry.password");
    }

    public Path registryCaCert() {
        return Path.of(props.getProperty("registry.caCert"));
    }

    /** The bed's OpenLDAP directory (docker/testbed/README.md names its users and groups). */
    public record LdapDirectory(String url, String baseDn, String bindDn, String bindPassword) {
    }

    public LdapDirectory directory() {
        return new LdapDirectory(required("ldap.url"), required("ldap.base"), required("ldap.bindDn"), required("ldap.bindPassword"));
    }

    private String required(String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in the bed's testbed.properties: bring the bed up again (docker/testbed/up.sh)");
        }
        return value;
    }

    /** A file of this checkout, found from the working directory up (Maven runs tests in the project root). */
    static Path projectFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }

    private static void run(Path script) {
        try {
            Process p = new ProcessBuilder("bash", script.toString()).inheritIO().start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(script + " could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
