package io.reemo.console.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One inventory group that receives services and forms its own Swarm (product-calls.md §1):
 * {@code infra_manager}, {@code api_manager}, {@code portaluser_manager} or {@code portaladmin_manager}.
 *
 * @param parentGroup {@code portal_manager} for the two portal clusters, else {@code null}
 * @param parentVars  vars set on the parent group (shared by both portal clusters)
 */
public record Cluster(String group, String parentGroup, Map<String, Object> parentVars, Map<String, Object> vars, List<Node> nodes) {

    public static final String INFRA = "infra_manager";
    public static final String API = "api_manager";
    public static final String PORTAL = "portal_manager";
    public static final String PORTAL_USER = "portaluser_manager";
    public static final String PORTAL_ADMIN = "portaladmin_manager";

    public Cluster {
        parentVars = parentVars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parentVars);
        vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** Portal clusters serve the portal and signals; the API cluster serves the API side; infra serves all. */
    public boolean servesPortal() {
        return !group.equals(API);
    }

    public boolean servesApi() {
        return group.equals(API) || group.equals(INFRA);
    }

    public Cluster withNodes(List<Node> newNodes) {
        return new Cluster(group, parentGroup, parentVars, vars, newNodes);
    }

    /** Names only: the variables may hold secrets. */
    @Override
    public String toString() {
        return "Cluster[" + group + ", nodes=" + nodes + "]";
    }
}
