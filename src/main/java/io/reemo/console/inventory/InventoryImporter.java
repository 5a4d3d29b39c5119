package io.reemo.console.inventory;

import static io.reemo.console.inventory.InventoryStructure.ALL;
import static io.reemo.console.inventory.InventoryStructure.UNGROUPED;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Location;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * An Ansible YAML inventory for the reemo-infra role → an {@link Environment}, with every problem at its line and
 * column. Connection variables are honoured wherever Ansible allows them (host, group, all); host-level ones
 * become the node's address, port, user and credential.
 */
@Component
public class InventoryImporter {

    /** The largest inventory read, in characters (code points); larger ones are refused unread. */
    public static final int MAX_CODE_POINTS = SafeYaml.MAX_CODE_POINTS;
    static final Set<String> CLUSTER_GROUPS = Set.of(Cluster.INFRA, Cluster.API, Cluster.PORTAL_USER, Cluster.PORTAL_ADMIN);
    private static final Set<String> PORTAL_CHILDREN = Set.of(Cluster.PORTAL_USER, Cluster.PORTAL_ADMIN);
    private static final Set<String> STRUCTURE = Set.of(ALL, UNGROUPED, Cluster.PORTAL);

    /**
     * @param environment {@code null} when the file could not be read as an inventory at all
     * @param positions   where everything was in the file, for the validator
     */
    public record Result(Environment environment, List<Problem> problems, SourcePositions positions) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    public Result read(String yaml, String name) {
        SafeYaml safe = new SafeYaml();
        ImportPositions positions = new ImportPositions();
        List<Problem> problems = new ArrayList<>();
        try {
            InventoryStructure inventory = new InventoryStructure(safe, positions, problems);
            Environment environment = inventory.read(safe.compose(yaml)) ? build(inventory, name, positions, problems) : null;
            problems.addAll(safe.problems());
            problems.sort(Problem.READING_ORDER);
            return new Result(environment, List.copyOf(problems), positions);
        } catch (SafeYaml.Refused refused) {
            return new Result(null, List.of(refused.problem()), positions);
        }
    }

    private Environment build(InventoryStructure inventory, String name, ImportPositions positions, List<Problem> problems) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        inventory.groups.values().stream().filter(g -> CLUSTER_GROUPS.contains(g.name))
                .forEach(g -> members.put(g.name, members(inventory, g, problems, positions)));
        Set<String> placed = new LinkedHashSet<>();
        members.values().forEach(placed::addAll);
        Map<String, Map<String, Object>> groupVarsOfHosts = otherGroups(inventory, placed, positions, problems);
        InventoryStructure.Group portal = inventory.groups.get(Cluster.PORTAL);
        if (portal != null && !portal.hosts.isEmpty()) {
            problems.add(Problem.error("LAYOUT", "Hosts " + String.join(", ", portal.hosts) + " are directly in "
                    + "portal_manager; a portal host belongs in portaluser_manager or portaladmin_manager.")
                    .at(Location.group(Cluster.PORTAL)).position(positions.of(Location.group(Cluster.PORTAL), null)));
        }
        Map<String, Object> all = inventory.groups.get(ALL).vars;
        List<Cluster> clusters = new ArrayList<>();
        members.forEach((group, hosts) -> {
            InventoryStructure.Group g = inventory.groups.get(group);
            boolean portalChild = PORTAL_CHILDREN.contains(group);
            String expectedParent = portalChild ? Cluster.PORTAL : ALL;
            if (!g.parents.equals(Set.of(expectedParent))) {
                problems.add(Problem.warning("LAYOUT", "Group " + group + " is a child of " + String.join(", ", g.parents)
                        + "; the console keeps it as a child of " + expectedParent + " only and exports it there.")
                        .at(Location.group(group)).position(positions.of(Location.group(group), null)));
            }
            Map<String, Object> parentVars = portalChild && portal != null ? portal.vars : Map.of();
            List<Node> nodes = hosts.stream().map(host -> node(host, inventory.hosts.get(host),
                    groupVarsOfHosts.getOrDefault(host, Map.of()), List.of(g.vars, parentVars, all), positions, problems))
                    .toList();
            clusters.add(new Cluster(group, portalChild ? Cluster.PORTAL : null, parentVars, g.vars, nodes));
        });
        return new Environment(null, name, Topology.of(clusters), all, clusters);
    }

    /** The hosts of a cluster group: its own, then those of sub-groups (flattened into it, with a warning). */
    private static List<String> members(InventoryStructure inventory, InventoryStructure.Group group, List<Problem> problems,
                                        ImportPositions positions) {
        Set<String> hosts = new LinkedHashSet<>(group.hosts);
        for (String child : group.children) {
            if (CLUSTER_GROUPS.contains(child)) {
                problems.add(Problem.error("LAYOUT", "Cluster group " + child + " cannot be inside " + group.name
                        + ": each is its own Swarm.").at(Location.group(child)).position(positions.of(Location.group(child), null)));
            } else {
                hosts.addAll(hostsBelow(inventory, inventory.groups.get(child), new LinkedHashSet<>()));
            }
        }
        return new ArrayList<>(hosts);
    }

    private static Set<String> hostsBelow(InventoryStructure inventory, InventoryStructure.Group group, Set<String> seen) {
        Set<String> hosts = new LinkedHashSet<>();
        if (group != null && seen.add(group.name)) {
            hosts.addAll(group.hosts);
            group.children.forEach(child -> hosts.addAll(hostsBelow(inventory, inventory.groups.get(child), seen)));
        }
        return hosts;
    }

    /**
     * Groups that are not reemo-infra groups: their hosts that are cluster nodes get the group's vars as host vars;
     * the rest is left out. Either way the operator is told.
     */
    private static Map<String, Map<String, Object>> otherGroups(InventoryStructure inventory, Set<String> placed,
                                                                ImportPositions positions, List<Problem> problems) {
        Map<String, Map<String, Object>> varsOfHosts = new HashMap<>();
        for (InventoryStructure.Group group : inventory.groups.values()) {
            if (CLUSTER_GROUPS.contains(group.name) || STRUCTURE.contains(group.name)) {
                continue;
            }
            Location location = Location.group(group.name);
            Set<String> hosts = hostsBelow(inventory, group, new LinkedHashSet<>());
            List<String> nodes = hosts.stream().filter(placed::contains).toList();
            List<String> outside = hosts.stream().filter(h -> !placed.contains(h)).toList();
            if (!nodes.isEmpty() && !group.vars.isEmpty()) {
                for (String host : nodes) {
                    varsOfHosts.computeIfAbsent(host, h -> new LinkedHashMap<>()).putAll(group.vars);
                    group.vars.keySet().forEach(v -> positions.variable(Location.host(host), v, positions.of(location, v)));
                }
                problems.add(Problem.warning("GROUP_FLATTENED", "Group " + group.name + " is not a reemo-infra group: its "
                        + "hosts stay in their clusters and its vars become host vars of " + String.join(", ", nodes) + ".")
                        .at(location).position(positions.of(location, null)));
            }
            if (nodes.isEmpty() || !outside.isEmpty()) {
                problems.add(Problem.warning("UNMANAGED_GROUP", "Group " + group.name + " is not a reemo-infra group "
                        + "(infra_manager, api_manager, portal_manager and its children); the console leaves it out"
                        + (outside.isEmpty() ? "" : " with the hosts that are in no cluster: " + String.join(", ", outside))
                        + ".").at(location).position(positions.of(location, null)));
            }
        }
        Set<String> ungrouped = new LinkedHashSet<>(inventory.groups.get(ALL).hosts);
        if (inventory.groups.containsKey(UNGROUPED)) {
            ungrouped.addAll(inventory.groups.get(UNGROUPED).hosts);
        }
        ungrouped.removeAll(placed);
        if (!ungrouped.isEmpty()) {
            problems.add(Problem.warning("UNMANAGED_GROUP", "Hosts " + String.join(", ", ungrouped) + " are in no cluster "
                    + "group; the console leaves them out.").at(Location.ALL_VARS).position(positions.of(Location.ALL_VARS, null)));
        }
        return varsOfHosts;
    }

    /**
     * A node from its host entry. The connection variables resolve as Ansible resolves them (host, then its group,
     * then portal_manager, then all); those set on the host itself move into the node's fields.
     */
    private static Node node(String host, Map<String, Object> own, Map<String, Object> fromOtherGroups,
                             List<Map<String, Object>> inherited, ImportPositions positions, List<Problem> problems) {
        Map<String, Object> vars = new LinkedHashMap<>(fromOtherGroups);
        vars.putAll(own);
        List<Map<String, Object>> chain = new ArrayList<>();
        chain.add(vars);
        chain.addAll(inherited);
        String address = text(resolve(chain, Connection.HOST));
        String user = text(resolve(chain, Connection.USER));
        String keyFile = text(resolve(chain, Connection.KEY_FILE));
        String password = text(resolve(chain, Connection.PASSWORD));
        int port = port(host, resolve(chain, Connection.PORT), positions, problems);
        SshAuth auth = keyFile != null ? SshAuth.keyFile(keyFile) : password != null ? SshAuth.password(password) : null;
        vars.remove(Connection.HOST);
        vars.remove(Connection.PORT);
        vars.remove(Connection.USER);
        if (auth != null) {
            vars.remove(auth.kind() == SshAuth.Kind.KEY_FILE ? Connection.KEY_FILE : Connection.PASSWORD);
        }
        return new Node(host, address == null ? host : address, port, user, auth, null, vars, null);
    }

    private static Object resolve(List<Map<String, Object>> chain, String variable) {
        return chain.stream().filter(m -> m.containsKey(variable)).findFirst().map(m -> m.get(variable)).orElse(null);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }

    private static int port(String host, Object value, ImportPositions positions, List<Problem> problems) {
        if (value == null) {
            return 0;
        }
        String text = String.valueOf(value).strip();
        if (text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535) {
            return Integer.parseInt(text);
        }
        Location location = Location.host(host);
        problems.add(Problem.error("ADDRESS", "Host " + host + ": ansible_port must be a port number, 1 to 65535 ("
                + text + ").").variable(Connection.PORT).at(location).position(positions.of(location, Connection.PORT)));
        return 0;
    }
}
