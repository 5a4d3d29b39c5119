package io.reemo.console.environment;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Location;
import io.reemo.console.environment.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One place of an environment where variables are set: {@code all.vars}, a group's vars (a cluster's, or
 * {@code portal_manager}'s, which both portal clusters share), or a host's vars.
 *
 * @param cluster the cluster of a group or host site, {@code null} for {@code all.vars}
 */
public record VariableSite(Location location, Map<String, Object> vars, Cluster cluster) {

    /** Every site, in inventory order; {@code portal_manager} once, before its first child. */
    public static List<VariableSite> of(Environment environment) {
        List<VariableSite> sites = new ArrayList<>();
        sites.add(new VariableSite(Location.ALL_VARS, environment.vars(), null));
        Set<String> parents = new HashSet<>();
        for (Cluster cluster : environment.clusters()) {
            if (cluster.parentGroup() != null && parents.add(cluster.parentGroup())) {
                sites.add(new VariableSite(Location.group(cluster.parentGroup()), cluster.parentVars(), cluster));
            }
            sites.add(new VariableSite(Location.group(cluster.group()), cluster.vars(), cluster));
            for (Node node : cluster.nodes()) {
                sites.add(new VariableSite(Location.host(node.name()), node.vars(), cluster));
            }
        }
        return sites;
    }
}
