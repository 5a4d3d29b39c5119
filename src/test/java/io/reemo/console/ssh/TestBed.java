package io.reemo.console.ssh;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The shared test bed's nodes, read from {@code /var/tmp/reemo-testbed/testbed.properties}
 * (or the file named by the system property {@code testbed.properties}).
 */
public final class TestBed {

    /** An address in the bed's network with nothing on it: a node whose sshd never answers. */
    public static final String DEAD_ADDRESS = "10.199.0.77";

    private final Properties props;

    private TestBed(Properties props) {
        this.props = props;
    }

    public static TestBed load() {
        Path file = Path.of(System.getProperty("testbed.properties", "/var/tmp/reemo-testbed/testbed.properties"));
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The test bed is not up: " + file + " is missing. Run docker/testbed/up.sh first.");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return new TestBed(props);
    }

    public List<Node> nodes() {
        String declared = props.getProperty("nodes").strip();
        List<String> names = new ArrayList<>();
        if (declared.matches("\\d+")) {
            for (int i = 1; i <= Integer.parseInt(declared); i++) {
                names.add("node" + i);
            }
        } else {
            for (String name : declared.split("[,\\s]+")) {
                names.add(name);
            }
        }
        return names.stream().map(this::node).toList();
    }

    public Node node(String name) {
        return new Node(name, props.getProperty(name + ".address"),
                Integer.parseInt(props.getProperty(name + ".port", "22")), props.getProperty(name + ".user", "root"),
                auth(), props.getProperty(name + ".hostKeySha256"), null, null);
    }

    /** A node at an address where nothing answers, with a plausible pin. */
    public Node deadNode(String name) {
        return new Node(name, DEAD_ADDRESS, 22, "root", auth(), nodes().get(0).hostKeySha256(), null, null);
    }

    public SshAuth auth() {
        String key = props.getProperty("ssh.privateKey").strip();
        return key.startsWith("-----BEGIN") ? SshAuth.key(key) : SshAuth.keyFile(key);
    }

    /** One cluster holding the given nodes. */
    public static Environment environment(long id, String name, List<Node> nodes) {
        return new Environment(id, name, Topology.CLUSTER, null,
                List.of(new Cluster(Cluster.INFRA, null, null, null, nodes)));
    }
}
