package io.reemo.console.inventory;

import io.reemo.console.environment.Location;
import io.reemo.console.environment.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The groups, hosts and vars of an Ansible YAML inventory, as Ansible's YAML inventory plugin reads them, plus
 * the vendor documentation's layout (groups beside {@code vars:} under {@code all:}), which Ansible ignores and
 * the console reads as child groups with a warning.
 */
final class InventoryStructure {

    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    static final class Group {
        final String name;
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> parents = new LinkedHashSet<>();

        Group(String name) {
            this.name = name;
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    /** Every host with its own vars, merged over all the places it is listed, in order of first appearance. */
    final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();

    private final SafeYaml yaml;
    private final ImportPositions positions;
    private final List<Problem> problems;

    InventoryStructure(SafeYaml yaml, ImportPositions positions, List<Problem> problems) {
        this.yaml = yaml;
        this.positions = positions;
        this.problems = problems;
    }

    /** @return whether the root holds groups at all */
    boolean read(Node root) {
        if (root == null || root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            problems.add(Problem.error("EMPTY", "The inventory is empty; it needs at least all: with the groups of the "
                    + "platform (infra_manager, or api_manager and portal_manager)."));
            return false;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(SafeYaml.at(Problem.error("NOT_INVENTORY", "This is not an Ansible YAML inventory: it must be a "
                    + "mapping of groups, starting with all:."), root.getStartMark()));
            return false;
        }
        group(ALL);
        for (SafeYaml.Entry entry : yaml.entries(mapping)) {
            group(entry.key(), entry.value(), entry.key().equals(ALL) ? null : ALL, entry.mark(), new LinkedHashSet<>());
        }
        return true;
    }

    private Group group(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    private void group(String name, Node node, String parent, Mark mark, Set<String> ancestors) {
        if (ancestors.contains(name)) {
            problems.add(SafeYaml.at(Problem.error("GROUP_CYCLE", "Group " + name + " is its own ancestor ("
                    + String.join(" > ", ancestors) + " > " + name + ")."), mark));
            return;
        }
        Group group = group(name);
        positions.location(groupLocation(name), SafeYaml.position(mark));
        if (parent != null) {
            group(parent).children.add(name);
            group.parents.add(parent);
        }
        if (node == null || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(SafeYaml.at(Problem.error("GROUP", "Group " + name + " must be a mapping with hosts:, vars: or "
                    + "children:."), node.getStartMark()));
            return;
        }
        Set<String> path = new LinkedHashSet<>(ancestors);
        path.add(name);
        for (SafeYaml.Entry entry : yaml.entries(mapping)) {
            switch (entry.key()) {
                case "hosts" -> hosts(group, entry);
                case "vars" -> vars(group, entry);
                case "children" -> mapping(entry, "children of " + name, "group").forEach(child ->
                        group(child.key(), child.value(), name, child.mark(), path));
                default -> misplaced(group, entry, path);
            }
        }
    }

    /** The documentation's layout: a group written beside vars: instead of under children:. */
    private void misplaced(Group group, SafeYaml.Entry entry, Set<String> path) {
        Node value = entry.value();
        boolean groupLike = value == null || value instanceof MappingNode || value instanceof ScalarNode scalar
                && scalar.getTag().equals(Tag.NULL);
        if (!groupLike) {
            problems.add(SafeYaml.at(Problem.error("LAYOUT", "'" + entry.key() + "' under group " + group.name + " is "
                    + "neither hosts:, vars: nor children:, and not a group; if it is a variable, put it under "
                    + group.name + ".vars.").variable(entry.key()), entry.mark()));
            return;
        }
        problems.add(SafeYaml.at(Problem.warning("LAYOUT", "Group " + entry.key() + " is written directly under "
                + group.name + ", beside hosts:, vars: and children:. Ansible ignores such keys (\"Skipping "
                + "unexpected key\") and would find no host in it; the console reads it as a child group of "
                + group.name + " and always exports it under children:."), entry.mark()));
        group(entry.key(), value, group.name, entry.mark(), path);
    }

    private void hosts(Group group, SafeYaml.Entry entry) {
        for (SafeYaml.Entry host : mapping(entry, "hosts of " + group.name, "host")) {
            group.hosts.add(host.key());
            Map<String, Object> vars = hosts.computeIfAbsent(host.key(), h -> new LinkedHashMap<>());
            Location location = Location.host(host.key());
            positions.location(location, SafeYaml.position(host.mark()));
            Node value = host.value();
            if (value instanceof MappingNode mapping) {
                for (SafeYaml.Entry variable : yaml.entries(mapping)) {
                    vars.put(variable.key(), yaml.value(variable.value()));
                    positions.variable(location, variable.key(), SafeYaml.position(variable.mark()));
                }
            } else if (!(value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
                problems.add(SafeYaml.at(Problem.error("HOST", "Host " + host.key() + " must be followed by a mapping of "
                        + "its variables (ansible_host: …), or by nothing.").host(host.key()), value.getStartMark()));
            }
        }
    }

    private void vars(Group group, SafeYaml.Entry entry) {
        Location location = groupLocation(group.name);
        for (SafeYaml.Entry variable : mapping(entry, "vars of " + group.name, "variable")) {
            group.vars.put(variable.key(), yaml.value(variable.value()));
            positions.variable(location, variable.key(), SafeYaml.position(variable.mark()));
        }
    }

    /** The entries of hosts:, vars: or children:, which must be mappings (a list is the usual mistake). */
    private List<SafeYaml.Entry> mapping(SafeYaml.Entry entry, String what, String itemName) {
        Node value = entry.value();
        if (value instanceof MappingNode mapping) {
            return yaml.entries(mapping);
        }
        if (!(value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
            problems.add(SafeYaml.at(Problem.error("LAYOUT", "The " + what + " must be a mapping: one '" + itemName
                    + "name:' per line, not a list or a value."), value.getStartMark()));
        }
        return new ArrayList<>();
    }

    static Location groupLocation(String name) {
        return name.equals(ALL) ? Location.ALL_VARS : Location.group(name);
    }
}
