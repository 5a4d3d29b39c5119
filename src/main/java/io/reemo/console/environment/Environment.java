package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Reemo Infra platform as the console knows it: the clusters (inventory groups that each form
 * one Swarm), their nodes, and the variables at each scope. Values are plain in memory; secret
 * variables (see the variable catalogue) are encrypted only when stored.
 *
 * @param id        database id, {@code null} before the first save
 * @param vars      the {@code all.vars} scope
 * @param clusters  in inventory order; the first node of each initialises its Swarm
 */
public record Environment(Long id, String name, Topology topology, Map<String, Object> vars, List<Cluster> clusters) {

    public Environment {
        vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }

    public Optional<Cluster> cluster(String group) {
        return clusters.stream().filter(c -> c.group().equals(group)).findFirst();
    }

    /** Every node of every cluster, in inventory order. */
    public List<Node> nodes() {
        List<Node> all = new ArrayList<>();
        clusters.forEach(c -> all.addAll(c.nodes()));
        return all;
    }

    public Optional<Node> node(String name) {
        return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The cluster a node belongs to. */
    public Optional<Cluster> clusterOf(String nodeName) {
        return clusters.stream().filter(c -> c.nodes().stream().anyMatch(n -> n.name().equals(nodeName))).findFirst();
    }

    /** Variables as a cluster sees them: {@code all.vars}, then parent group vars, then its own group vars. */
    public Map<String, Object> effectiveVars(Cluster cluster) {
        Map<String, Object> merged = new LinkedHashMap<>(vars);
        merged.putAll(cluster.parentVars());
        merged.putAll(cluster.vars());
        return merged;
    }

    /**
     * The group whose vars give a cluster its value of {@code variable}: its own group, else its parent group (shared
     * with the other portal cluster); {@code null} for all.vars, where a variable nobody overrides lives.
     */
    public String variableSource(String group, String variable) {
        Cluster cluster = cluster(group).orElseThrow(() -> new IllegalArgumentException("no cluster " + group));
        if (cluster.vars().containsKey(variable)) {
            return group;
        }
        return cluster.parentGroup() != null && cluster.parentVars().containsKey(variable) ? cluster.parentGroup() : null;
    }

    /**
     * With {@code variable} set to {@code value} where cluster {@code group} reads it ({@link #variableSource}), so that
     * the cluster sees the new value: a value put in all.vars under a group's own would change nothing.
     */
    public Environment withVariableAsRead(String group, String variable, Object value) {
        return withVariableIn(variableSource(group, variable), variable, value);
    }

    /** With {@code variable} set in the vars of {@code source}: a group, a parent group, or {@code null} for all.vars. */
    public Environment withVariableIn(String source, String variable, Object value) {
        if (source == null) {
            Map<String, Object> all = new LinkedHashMap<>(vars);
            all.put(variable, value);
            return withVars(all);
        }
        return withClusters(clusters.stream().map(c -> {
            Map<String, Object> own = new LinkedHashMap<>(c.vars());
            Map<String, Object> parent = new LinkedHashMap<>(c.parentVars());
            if (c.group().equals(source)) {
                own.put(variable, value);
            } else if (source.equals(c.parentGroup())) {
                parent.put(variable, value);
            }
            return new Cluster(c.group(), c.parentGroup(), parent, own, c.nodes());
        }).toList());
    }

    public Environment withId(Long newId) {
        return new Environment(newId, name, topology, vars, clusters);
    }

    public Environment withClusters(List<Cluster> newClusters) {
        return new Environment(id, name, topology, vars, newClusters);
    }

    public Environment withVars(Map<String, Object> newVars) {
        return new Environment(id, name, topology, newVars, clusters);
    }

    /** Names and shape only: the variables may hold secrets. */
    @Override
    public String toString() {
        return "Environment[id=" + id + ", name=" + name + ", topology=" + topology + ", clusters=" + clusters + "]";
    }
}
