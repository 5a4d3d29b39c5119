package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An environment as named fields, for diffs and merges: the JSON the store writes, with clusters keyed by group and
 * nodes by name, so that a field keeps its path when other clusters or nodes come and go. Secret values carry a mark
 * in memory, so that a diff can say a secret changed without ever holding its value in what it returns.
 */
final class EnvironmentTree {

    private static final String SECRET_MARK = "\u0000secret\u0000";
    private static final String CLUSTERS = "clusters";
    private static final String NODES = "nodes";

    private final ObjectNode root;

    private EnvironmentTree(ObjectNode root) {
        this.root = root;
    }

    static EnvironmentTree of(Environment environment, VariableCatalogue catalogue, JsonMapper json) {
        if (environment == null) {
            return new EnvironmentTree(json.createObjectNode());
        }
        ObjectNode root = json.valueToTree(SecretFields.map(environment.withId(null), catalogue, v -> SECRET_MARK + v));
        root.remove("id");
        ObjectNode clusters = keyed((ArrayNode) root.get(CLUSTERS), "group", json);
        clusters.properties().forEach(c -> ((ObjectNode) c.getValue()).set(NODES,
                keyed((ArrayNode) c.getValue().get(NODES), "name", json)));
        root.set(CLUSTERS, clusters);
        return new EnvironmentTree(root);
    }

    /** Field → value of every leaf (a scalar, a list, or an empty object); JSON nulls count as absent. */
    Map<String, JsonNode> leaves() {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect(root, "", leaves);
        return leaves;
    }

    /** Sets ({@code value} not null) or removes a leaf; objects on the way are made, and dropped once empty. */
    void put(String field, JsonNode value) {
        List<String> names = names(field);
        ObjectNode parent = root;
        List<ObjectNode> path = new ArrayList<>();
        for (String name : names.subList(0, names.size() - 1)) {
            path.add(parent);
            JsonNode child = parent.get(name);
            parent = child instanceof ObjectNode object ? object : parent.putObject(name);
        }
        String last = names.get(names.size() - 1);
        if (value != null) {
            parent.set(last, value);
            return;
        }
        parent.remove(last);
        for (int i = names.size() - 2; i >= 0 && parent.isEmpty(); i--) {
            ObjectNode above = path.get(i);
            above.remove(names.get(i));
            parent = above;
        }
    }

    /** Back to an environment: clusters and nodes in the order of the tree (new ones last), secrets unmarked. */
    Environment toEnvironment(Long id, VariableCatalogue catalogue, JsonMapper json) {
        ObjectNode copy = root.deepCopy();
        ArrayNode clusters = json.createArrayNode();
        JsonNode keyedClusters = copy.get(CLUSTERS);
        if (keyedClusters != null) {
            keyedClusters.properties().forEach(c -> {
                ObjectNode cluster = (ObjectNode) c.getValue();
                ArrayNode nodes = json.createArrayNode();
                JsonNode keyedNodes = cluster.get(NODES);
                if (keyedNodes != null) {
                    keyedNodes.properties().forEach(n -> nodes.add(n.getValue()));
                }
                cluster.set(NODES, nodes);
                clusters.add(cluster);
            });
        }
        copy.set(CLUSTERS, clusters);
        Environment marked = json.treeToValue(copy, Environment.class);
        return SecretFields.map(marked, catalogue, EnvironmentTree::unmark).withId(id);
    }

    static boolean isSecret(JsonNode value) {
        return value != null && value.isString() && value.stringValue().startsWith(SECRET_MARK);
    }

    /** A value as a person reads it; never a secret's. */
    static String display(JsonNode value, boolean after) {
        if (value == null) {
            return null;
        }
        if (isSecret(value)) {
            return after ? FieldChange.SECRET_CHANGED : FieldChange.SECRET;
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    /** {@code /clusters/infra_manager/vars/X} → {@code clusters › infra_manager › vars › X}. */
    static String label(String field) {
        return String.join(" › ", names(field));
    }

    private static List<String> names(String field) {
        List<String> names = new ArrayList<>();
        for (String part : field.substring(1).split("/", -1)) {
            names.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return names;
    }

    /** RFC 6901: a name holding {@code ~} or {@code /} stays one step of the pointer. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unmark(String value) {
        return value.startsWith(SECRET_MARK) ? value.substring(SECRET_MARK.length()) : value;
    }

    private static ObjectNode keyed(ArrayNode items, String key, JsonMapper json) {
        ObjectNode keyed = json.createObjectNode();
        if (items != null) {
            items.forEach(item -> keyed.set(item.get(key).asString(), item));
        }
        return keyed;
    }

    private static void collect(JsonNode node, String field, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(p -> collect(p.getValue(), field + "/" + escape(p.getKey()), leaves));
        } else if (!node.isNull() && !field.isEmpty()) {
            leaves.put(field, node);
        }
    }
}
