package io.reemo.console.wizard;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The empty environment each topology starts from, and the node edits of the Nodes page. */
final class DraftShapes {

    private DraftShapes() {
    }

    static Environment empty(String name, Topology topology) {
        List<Cluster> clusters = topology == Topology.DEDICATED
                ? List.of(new Cluster(Cluster.PORTAL_USER, Cluster.PORTAL, null, null, null),
                        new Cluster(Cluster.PORTAL_ADMIN, Cluster.PORTAL, null, null, null),
                        new Cluster(Cluster.API, null, null, null, null))
                : List.of(new Cluster(Cluster.INFRA, null, null, null, null));
        return new Environment(null, name, topology, null, clusters);
    }

    static Environment addNode(Environment environment, String group, Node node) {
        return environment.withClusters(environment.clusters().stream().map(c -> {
            if (!c.group().equals(group)) {
                return c;
            }
            List<Node> nodes = new java.util.ArrayList<>(c.nodes());
            nodes.add(node);
            return c.withNodes(nodes);
        }).toList());
    }

    static Environment removeNode(Environment environment, String name) {
        return environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().filter(n -> !n.name().equals(name)).toList())).toList());
    }

    static Environment changeNode(Environment environment, String name, UnaryOperator<Node> change) {
        return environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().map(n -> n.name().equals(name) ? change.apply(n) : n).toList()))
                .toList());
    }

    /**
     * In dedicated mode each portal cluster reaches the API through API_IP: the addresses of the API nodes,
     * kept in step with the Nodes page rather than typed.
     */
    static Environment withApiAddresses(Environment environment) {
        if (environment.topology() != Topology.DEDICATED) {
            return environment;
        }
        List<Map<String, Object>> ips = environment.cluster(Cluster.API).map(api -> api.nodes().stream()
                .map(n -> Map.<String, Object>of("ip", n.address())).toList()).orElse(List.of());
        return environment.withClusters(environment.clusters().stream().map(c -> {
            if (!c.group().equals(Cluster.PORTAL_USER) && !c.group().equals(Cluster.PORTAL_ADMIN)) {
                return c;
            }
            Map<String, Object> vars = new java.util.LinkedHashMap<>(c.vars());
            if (ips.isEmpty()) {
                vars.remove(WizardPage.API_IP);
            } else {
                vars.put(WizardPage.API_IP, ips);
            }
            return new Cluster(c.group(), c.parentGroup(), c.parentVars(), vars, c.nodes());
        }).toList());
    }
}
