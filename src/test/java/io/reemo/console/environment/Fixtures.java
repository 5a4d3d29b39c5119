package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid environments of each topology, to break one rule at a time. */
public final class Fixtures {

    /** Base64 of a small JSON license document, as the vendor's example value starts ({@code ewogICAg}). */
    /** The edit that tests' saves make: the cause is the API's, the user "test". */
    public static final Edit BY_TEST = Edit.of(RevisionCause.API, "test");

    public static final String LICENSE = "ewogICAgImN1c3RvbWVyIjogIkV4YW1wbGUgQ29ycCIsCiAgICAibGljZW5zZUlkIjogIkxJQy0wMDAxIiwKICAg"
            + "ICJleHBpcmVzIjogIjIwMjctMTItMzEiLAogICAgImZlYXR1cmVzIjogWyJyZW1vdGUtZGVza3RvcCIsICJjb250YWluZXJzIl0sCiAgICAic2"
            + "VhdHMiOiA1MAp9Cg==";
    public static final String PEM_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private Fixtures() {
    }

    public static Node node(String name, String address) {
        return new Node(name, address, 22, "root", SshAuth.key(PEM_KEY), null, Map.of(), null);
    }

    public static Map<String, Object> allVars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("API_LICENSE", LICENSE);
        vars.put("REGISTRY_USERNAME", "customer");
        vars.put("REGISTRY_PASSWORD", "registry-password");
        return vars;
    }

    public static Environment single() {
        return new Environment(null, "single", Topology.SINGLE, allVars(),
                List.of(new Cluster(Cluster.INFRA, null, null, Map.of(), List.of(node("infra1", "10.0.0.1")))));
    }

    public static Environment cluster() {
        return new Environment(null, "cluster", Topology.CLUSTER, allVars(),
                List.of(new Cluster(Cluster.INFRA, null, null, Map.of("OPT_REEMO_REPLICATED", "true"),
                        List.of(node("infra1", "10.0.0.1"), node("infra2", "10.0.0.2"), node("infra3", "10.0.0.3")))));
    }

    public static Environment dedicated() {
        Map<String, Object> vars = allVars();
        vars.put("HMACSECRET", "reemohmac");
        List<Object> apiIp = List.of(Map.of("ip", "10.3.1.1"), Map.of("ip", "10.3.1.2"), Map.of("ip", "10.3.1.3"));
        Cluster user = new Cluster(Cluster.PORTAL_USER, Cluster.PORTAL, Map.of(),
                Map.of("PORTAL_URL", "url.domain.tld", "PORTAL_TYPE", "user", "API_IP", apiIp),
                List.of(node("portaluser1", "10.0.0.1")));
        Cluster admin = new Cluster(Cluster.PORTAL_ADMIN, Cluster.PORTAL, Map.of(),
                Map.of("PORTAL_URL", "admin.domain.tld", "PORTAL_TYPE", "admin", "API_IP", apiIp),
                List.of(node("portaladmin1", "10.0.0.4")));
        Cluster api = new Cluster(Cluster.API, null, null, Map.of("OPT_REEMO_REPLICATED", "true"),
                List.of(node("api1", "10.3.1.1"), node("api2", "10.3.1.2"), node("api3", "10.3.1.3")));
        return new Environment(null, "dedicated", Topology.DEDICATED, vars, List.of(user, admin, api));
    }

    /** A copy with one more variable in all.vars. */
    public static Environment withAll(Environment environment, String name, Object value) {
        Map<String, Object> vars = new LinkedHashMap<>(environment.vars());
        vars.put(name, value);
        return environment.withVars(vars);
    }

    /** A copy with one more variable in the vars of a cluster group. */
    public static Environment withGroup(Environment environment, String group, String name, Object value) {
        List<Cluster> clusters = new ArrayList<>();
        for (Cluster c : environment.clusters()) {
            Map<String, Object> vars = new LinkedHashMap<>(c.vars());
            if (c.group().equals(group)) {
                vars.put(name, value);
            }
            clusters.add(new Cluster(c.group(), c.parentGroup(), c.parentVars(), vars, c.nodes()));
        }
        return environment.withClusters(clusters);
    }

    /** A copy with one more host variable on a node. */
    public static Environment withHost(Environment environment, String host, String name, Object value) {
        return environment.withClusters(environment.clusters().stream().map(c -> c.withNodes(c.nodes().stream().map(n -> {
            if (!n.name().equals(host)) {
                return n;
            }
            Map<String, Object> vars = new LinkedHashMap<>(n.vars());
            vars.put(name, value);
            return new Node(n.name(), n.address(), n.sshPort(), n.sshUser(), n.auth(), n.hostKeySha256(), vars, n.facts());
        }).toList())).toList());
    }

    /**
     * A copy whose nodes are 127.0.0.N port 1, where nothing listens: for tests that start a real job, which then
     * fails at once without a packet leaving the machine.
     */
    public static Environment onLoopback(Environment environment) {
        int[] next = {1};
        return environment.withClusters(environment.clusters().stream().map(c -> c.withNodes(c.nodes().stream().map(n ->
                new Node(n.name(), "127.0.0." + next[0]++, 1, n.sshUser(), n.auth(), n.hostKeySha256(), n.vars(), n.facts())
        ).toList())).toList());
    }
}
