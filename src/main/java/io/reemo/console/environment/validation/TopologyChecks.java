package io.reemo.console.environment.validation;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Location;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The shape of an environment: its clusters, their nodes, how to reach them, and the hardware they need. */
public final class TopologyChecks {

    private static final Set<String> CLUSTER_GROUPS = Set.of(Cluster.INFRA, Cluster.API, Cluster.PORTAL_USER, Cluster.PORTAL_ADMIN);

    /** The vendor's minimums (platform.md §6); the RAM unit is presumably GB. */
    private record Minimum(String role, int cpus, int memoryGb, int diskGb) {
    }

    private static final Minimum INFRA = new Minimum("INFRA (all-in-one)", 4, 6, 30);
    private static final Minimum PORTAL = new Minimum("PORTAL", 2, 4, 30);
    private static final Minimum API = new Minimum("API", 4, 6, 30);
    /** A machine sold as N GB shows a little less to the kernel. */
    private static final double MEMORY_TOLERANCE = 0.9;

    /** Inventory host names as Ansible writes them: they also name the node in commands and comments. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** Line breaks of Java and of YAML (NEL, line and paragraph separators) and other control characters. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

    private TopologyChecks() {
    }

    public static List<Problem> check(Environment environment, List<Environment> others, SourcePositions positions, LocalFiles files) {
        List<Problem> problems = new ArrayList<>();
        if (environment.name() == null || environment.name().isBlank() || environment.name().length() > 100) {
            problems.add(Problem.error("NAME", "An environment needs a name of 1 to 100 characters."));
        } else if (CONTROL.matcher(environment.name()).find()) {
            problems.add(Problem.error("NAME", "The environment's name must be one line of text, without line breaks or other"
                    + " control characters."));
        }
        clusters(environment, problems);
        nodes(environment, positions, files, problems);
        otherEnvironments(environment, others, positions, problems);
        return problems;
    }

    private static void clusters(Environment environment, List<Problem> problems) {
        List<Cluster> clusters = environment.clusters();
        if (clusters.isEmpty()) {
            problems.add(Problem.error("TOPOLOGY", "The environment has no cluster: add the group infra_manager (single "
                    + "server or simple cluster), or api_manager and a portal group under portal_manager (dedicated)."));
            return;
        }
        Map<String, Long> groups = clusters.stream().collect(Collectors.groupingBy(Cluster::group, LinkedHashMap::new,
                Collectors.counting()));
        groups.forEach((group, count) -> {
            if (!CLUSTER_GROUPS.contains(group)) {
                problems.add(Problem.error("TOPOLOGY", (group.isBlank() ? "A cluster has no group" : "Group " + group
                        + " is not a cluster group the console deploys") + "; use infra_manager, or api_manager with "
                        + "portaluser_manager / portaladmin_manager."));
            } else if (count > 1) {
                problems.add(Problem.error("TOPOLOGY", "Group " + group + " appears " + count + " times; a group is one cluster."));
            }
        });
        boolean simple = groups.containsKey(Cluster.INFRA);
        boolean dedicated = groups.keySet().stream().anyMatch(g -> !g.equals(Cluster.INFRA) && CLUSTER_GROUPS.contains(g));
        if (simple && dedicated) {
            problems.add(Problem.error("TOPOLOGY", "infra_manager cannot be combined with api_manager or portal groups: an "
                    + "environment is either simple (infra_manager) or dedicated (api_manager + portal_manager)."));
            return;
        }
        Topology actual = simple
                ? clusters.get(0).nodes().size() > 1 ? Topology.CLUSTER : Topology.SINGLE
                : Topology.DEDICATED;
        if (environment.topology() != null && environment.topology() != actual) {
            problems.add(Problem.error("TOPOLOGY", "The topology is " + environment.topology() + " but the clusters describe "
                    + actual + (simple ? " (infra_manager with " + clusters.get(0).nodes().size() + " node(s))" : "") + "."));
        }
        if (dedicated) {
            dedicatedGroups(clusters, groups, problems);
        }
        for (Cluster cluster : clusters) {
            int nodes = cluster.nodes().size();
            if (nodes == 0) {
                problems.add(Problem.error("TOPOLOGY", "Cluster " + cluster.group() + " has no node; add at least one host."));
            } else if (nodes % 2 == 0) {
                problems.add(Problem.warning("SWARM_QUORUM", "Cluster " + cluster.group() + " has " + nodes + " managers: a "
                        + "Swarm of " + nodes + " managers survives the loss of only " + (nodes - 1) / 2 + "; an odd "
                        + "number (3) is what the vendor's examples use."));
            }
        }
    }

    private static void dedicatedGroups(List<Cluster> clusters, Map<String, Long> groups, List<Problem> problems) {
        if (!groups.containsKey(Cluster.API)) {
            problems.add(Problem.error("TOPOLOGY", "Dedicated mode needs the group api_manager (the API cluster)."));
        }
        if (!groups.containsKey(Cluster.PORTAL_USER) && !groups.containsKey(Cluster.PORTAL_ADMIN)) {
            problems.add(Problem.error("TOPOLOGY", "Dedicated mode needs a portal cluster: portaluser_manager and/or "
                    + "portaladmin_manager under portal_manager."));
        }
        List<Cluster> portals = clusters.stream().filter(c -> !c.group().equals(Cluster.API)).toList();
        for (Cluster portal : portals) {
            if (!Cluster.PORTAL.equals(portal.parentGroup())) {
                problems.add(Problem.error("TOPOLOGY", portal.group() + " must be a child of portal_manager."));
            }
        }
        if (portals.stream().map(Cluster::parentVars).distinct().count() > 1) {
            problems.add(Problem.error("TOPOLOGY", "The vars of portal_manager differ between its children; they are one "
                    + "group with one set of vars."));
        }
    }

    private static void nodes(Environment environment, SourcePositions positions, LocalFiles files, List<Problem> problems) {
        Map<String, String> clusterOfName = new HashMap<>();
        Map<String, String> nameOfServer = new HashMap<>();
        for (Cluster cluster : environment.clusters()) {
            for (Node node : cluster.nodes()) {
                Location where = Location.host(node.name());
                SourcePositions.Position position = positions.of(where, null);
                if (node.name() == null || node.name().isBlank()) {
                    problems.add(Problem.error("NODE_NAME", "A node of " + cluster.group() + " has no name; every host "
                            + "needs its inventory name.").at(where));
                } else if (!HOST_NAME.matcher(node.name()).matches()) {
                    problems.add(Problem.error("NODE_NAME", "A node of " + cluster.group() + " is named \""
                            + CONTROL.matcher(node.name()).replaceAll("?") + "\": an inventory host name is letters, digits,"
                            + " dots, dashes and underscores, starting with a letter or digit (at most 63).").at(where));
                }
                String previous = clusterOfName.putIfAbsent(node.name(), cluster.group());
                if (previous != null) {
                    problems.add(Problem.error(previous.equals(cluster.group()) ? "DUPLICATE_NODE" : "NODE_IN_TWO_CLUSTERS",
                            previous.equals(cluster.group())
                                    ? "Host " + node.name() + " is listed twice in " + cluster.group() + "."
                                    : "Host " + node.name() + " is in " + previous + " and in " + cluster.group()
                                            + "; a node belongs to one cluster (one Swarm) only.")
                            .at(where).position(position));
                }
                String server = node.address() + ":" + node.sshPort();
                String sameServer = nameOfServer.putIfAbsent(server, node.name());
                if (sameServer != null && !sameServer.equals(node.name())) {
                    problems.add(Problem.error("NODE_IN_TWO_CLUSTERS", "Hosts " + sameServer + " and " + node.name()
                            + " are the same server (" + server + "); a server belongs to one cluster only.")
                            .at(where).position(position));
                }
                connection(node, files).forEach(p -> problems.add(p.at(where).position(positions.of(where, p.variable()))));
                hardware(cluster, node).forEach(p -> problems.add(p.at(where).position(position)));
            }
        }
    }

    private static List<Problem> connection(Node node, LocalFiles files) {
        List<Problem> problems = new ArrayList<>();
        if (node.address() == null || !ValueFormats.isHost(node.address().strip())) {
            problems.add(Problem.error("ADDRESS", "Host " + node.name() + ": ansible_host must be an IP address or a "
                    + "host name (" + node.address() + ").").variable("ansible_host"));
        }
        if (node.sshPort() < 1 || node.sshPort() > 65535) {
            problems.add(Problem.error("ADDRESS", "Host " + node.name() + ": ansible_port must be 1 to 65535 ("
                    + node.sshPort() + ").").variable("ansible_port"));
        }
        if (node.hostKeySha256() != null && !ValueFormats.isSha256Fingerprint(node.hostKeySha256())) {
            problems.add(Problem.error("HOST_KEY", "Host " + node.name() + ": the pinned host key must read SHA256:<43 "
                    + "base64 characters>, as ssh-keygen -l -E sha256 prints it."));
        }
        SshAuth auth = node.auth();
        if (auth == null || auth.kind() == null) {
            problems.add(Problem.warning("NO_CREDENTIAL", "Host " + node.name() + " has no SSH credential yet; give it a "
                    + "private key (held by the console), a key file (ansible_ssh_private_key_file) or a password "
                    + "(ansible_password) before connecting."));
            return problems;
        }
        switch (auth.kind()) {
            case KEY -> {
                String pem = auth.privateKeyPem();
                if (pem == null || !pem.strip().startsWith("-----BEGIN") || !pem.contains("PRIVATE KEY-----")) {
                    problems.add(Problem.error("CREDENTIAL", "Host " + node.name() + ": the private key must be a PEM or "
                            + "OpenSSH private key (-----BEGIN … PRIVATE KEY-----)."));
                }
            }
            case KEY_FILE -> {
                if (auth.privateKeyFile() == null || auth.privateKeyFile().isBlank()) {
                    problems.add(Problem.error("CREDENTIAL", "Host " + node.name() + ": ansible_ssh_private_key_file is empty.")
                            .variable("ansible_ssh_private_key_file"));
                } else {
                    // a key that is not there yet may come (a warning); one the console may not read never will
                    files.refusal(auth.privateKeyFile()).ifPresent(refusal -> {
                        String message = "Host " + node.name() + ": the key file " + refusal.message() + ".";
                        problems.add((refusal.missing() ? Problem.warning("CREDENTIAL", message) : Problem.error("CREDENTIAL", message))
                                .variable("ansible_ssh_private_key_file"));
                    });
                }
            }
            case PASSWORD -> {
                if (auth.password() == null || auth.password().isEmpty()) {
                    problems.add(Problem.error("CREDENTIAL", "Host " + node.name() + ": password authentication needs "
                            + "ansible_password.").variable("ansible_password"));
                }
            }
        }
        return problems;
    }

    private static List<Problem> hardware(Cluster cluster, Node node) {
        NodeFacts facts = node.facts();
        if (facts == null) {
            return List.of();
        }
        Minimum minimum = switch (cluster.group()) {
            case Cluster.API -> API;
            case Cluster.INFRA -> INFRA;
            default -> PORTAL;
        };
        List<String> shortfalls = new ArrayList<>();
        if (facts.cpus() < minimum.cpus()) {
            shortfalls.add(facts.cpus() + " CPU (minimum " + minimum.cpus() + ")");
        }
        if (facts.memoryMb() < minimum.memoryGb() * 1024L * MEMORY_TOLERANCE) {
            shortfalls.add(facts.memoryMb() + " MB RAM (minimum " + minimum.memoryGb() + " GB)");
        }
        if (facts.diskFreeGb() < minimum.diskGb()) {
            shortfalls.add(facts.diskFreeGb() + " GB free disk (minimum " + minimum.diskGb() + " GB)");
        }
        return shortfalls.isEmpty() ? List.of() : List.of(Problem.warning("HARDWARE", "Host " + node.name() + " has "
                + String.join(", ", shortfalls) + ", below the vendor's minimum for a " + minimum.role() + " node."));
    }

    /** A server is in one Swarm only, whatever environment it was entered in. */
    private static void otherEnvironments(Environment environment, List<Environment> others, SourcePositions positions,
                                          List<Problem> problems) {
        for (Environment other : others) {
            for (Cluster otherCluster : other.clusters()) {
                for (Node otherNode : otherCluster.nodes()) {
                    String server = otherNode.address() + ":" + otherNode.sshPort();
                    environment.nodes().stream()
                            .filter(n -> (n.address() + ":" + n.sshPort()).equals(server))
                            .forEach(n -> problems.add(Problem.error("NODE_IN_TWO_CLUSTERS", "Host " + n.name() + " ("
                                    + server + ") is already node " + otherNode.name() + " of cluster "
                                    + otherCluster.group() + " in environment " + other.name() + "; a server belongs to "
                                    + "one cluster only.").at(Location.host(n.name()))
                                    .position(positions.of(Location.host(n.name()), null))));
                }
            }
        }
    }
}
