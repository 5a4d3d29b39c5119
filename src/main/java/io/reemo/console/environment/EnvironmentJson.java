package io.reemo.console.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reemo.console.environment.VariableSite;
import io.reemo.console.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An environment as the API shows and takes it. Secret values never leave the console: they read
 * {@code {"set": true}} (the license adds the top-level keys of its JSON), secrets inside a map or list variable too. Secrets are write-only: on the way in,
 * a missing, empty, {@code "******"} or {@code {"set": true}} value keeps the stored one, {@code {"set": false}}
 * removes it, anything else replaces it. Host keys and facts are not taken from here (they have their own calls).
 *
 * @param warnings the validator's warnings after a save, {@code null} otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentJson(Long id, String name, Topology topology, Map<String, Object> vars,
                              List<ClusterJson> clusters, List<Problem> warnings) {

    public record ClusterJson(String group, String parentGroup, Map<String, Object> parentVars, Map<String, Object> vars,
                              List<NodeJson> nodes) {
        @Override
        public String toString() {
            return "ClusterJson[" + group + ", nodes=" + nodes + "]";
        }
    }

    /** @param auth {@code privateKeyPem} and {@code password} are secrets, shown as {@code {"set": true}} */
    public record NodeJson(String name, String address, Integer sshPort, String sshUser, AuthJson auth,
                           String hostKeySha256, Map<String, Object> vars, NodeFacts facts) {
        @Override
        public String toString() {
            return "NodeJson[" + name + " " + address + "]";
        }
    }

    public record AuthJson(SshAuth.Kind kind, Object privateKeyPem, String privateKeyFile, Object password) {
        @Override
        public String toString() {
            return "AuthJson[" + kind + "]";
        }
    }

    private static final Map<String, Object> SET = Map.of("set", true);
    /** A group or node sent without a name: the validator then says what is missing. */
    private static final String MISSING = "";

    /** Without the variables: request and response bodies reach debug logs through their toString. */
    @Override
    public String toString() {
        return "EnvironmentJson[id=" + id + ", name=" + name + ", topology=" + topology + ", clusters=" + clusters + "]";
    }

    public EnvironmentJson withWarnings(List<Problem> newWarnings) {
        return new EnvironmentJson(id, name, topology, vars, clusters, newWarnings);
    }

    /** The masked view of a stored environment. */
    public static EnvironmentJson of(Environment environment, VariableCatalogue catalogue, JsonMapper json) {
        return new EnvironmentJson(environment.id(), environment.name(), environment.topology(),
                masked(environment.vars(), catalogue, json),
                environment.clusters().stream().map(c -> new ClusterJson(c.group(), c.parentGroup(),
                        masked(c.parentVars(), catalogue, json), masked(c.vars(), catalogue, json),
                        c.nodes().stream().map(n -> node(n, catalogue, json)).toList())).toList(),
                null);
    }

    private static NodeJson node(Node node, VariableCatalogue catalogue, JsonMapper json) {
        SshAuth auth = node.auth();
        AuthJson authJson = auth == null ? null : new AuthJson(auth.kind(), auth.privateKeyPem() == null ? null : SET,
                auth.privateKeyFile(), auth.password() == null ? null : SET);
        return new NodeJson(node.name(), node.address(), node.sshPort(), node.sshUser(), authJson, node.hostKeySha256(),
                masked(node.vars(), catalogue, json), node.facts());
    }

    private static Map<String, Object> masked(Map<String, Object> vars, VariableCatalogue catalogue, JsonMapper json) {
        Map<String, Object> shown = new LinkedHashMap<>();
        vars.forEach((name, value) -> shown.put(name, SecretFields.value(name, value, catalogue,
                (path, secret) -> path.equals(name) ? secret(name, secret, catalogue, json) : SET)));
        return shown;
    }

    private static Map<String, Object> secret(String name, Object value, VariableCatalogue catalogue, JsonMapper json) {
        boolean license = catalogue.find(name).map(v -> v.type() == VariableType.BASE64_JSON).orElse(false);
        if (license) {
            try {
                return Map.of("set", true, "jsonKeys", LicenseSummary.read(String.valueOf(value), json).keys());
            } catch (IllegalArgumentException unreadable) {
                return SET;
            }
        }
        return SET;
    }

    /**
     * The model this JSON describes, with the write-only secrets, host keys and facts taken from {@code stored}
     * (the environment being updated, or {@code null} for a new one).
     */
    public Environment toModel(Environment stored, VariableCatalogue catalogue) {
        Map<Location, Map<String, Object>> storedSites = new HashMap<>();
        if (stored != null) {
            VariableSite.of(stored).forEach(site -> storedSites.put(site.location(), site.vars()));
        }
        List<Cluster> model = clusters == null ? List.of() : clusters.stream().filter(Objects::nonNull).map(c -> {
            String group = c.group() == null ? MISSING : c.group();
            String parent = group.equals(Cluster.PORTAL_USER) || group.equals(Cluster.PORTAL_ADMIN) ? Cluster.PORTAL : c.parentGroup();
            List<Node> nodes = c.nodes() == null ? List.of() : c.nodes().stream().filter(Objects::nonNull)
                    .map(n -> node(n, stored, storedSites, catalogue)).toList();
            return new Cluster(group, parent,
                    parent == null ? Map.of() : merged(c.parentVars(), storedSites.get(Location.group(parent)), catalogue),
                    merged(c.vars(), storedSites.get(Location.group(group)), catalogue), nodes);
        }).toList();
        return new Environment(stored == null ? null : stored.id(), name == null ? null : name.strip(),
                topology == null ? Topology.of(model) : topology,
                merged(vars, storedSites.get(Location.ALL_VARS), catalogue), model);
    }

    private static Node node(NodeJson input, Environment stored, Map<Location, Map<String, Object>> storedSites,
                             VariableCatalogue catalogue) {
        String name = input.name() == null ? MISSING : input.name().strip();
        Optional<Node> before = stored == null ? Optional.empty() : stored.node(name);
        SshAuth auth = auth(input.auth(), before.map(Node::auth).orElse(null));
        return new Node(name, input.address(), input.sshPort() == null ? 0 : input.sshPort(), input.sshUser(), auth,
                before.map(Node::hostKeySha256).orElse(null),
                merged(input.vars(), storedSites.get(Location.host(name)), catalogue),
                before.map(Node::facts).orElse(null));
    }

    private static SshAuth auth(AuthJson input, SshAuth before) {
        if (input == null) {
            return before;
        }
        SshAuth same = before != null && before.kind() == input.kind() ? before : null;
        return new SshAuth(input.kind(),
                secretValue(input.privateKeyPem(), same == null ? null : same.privateKeyPem()),
                input.privateKeyFile(),
                secretValue(input.password(), same == null ? null : same.password()));
    }

    /** Secret variables follow the write-only rule, and so do the secrets inside maps and lists; the rest is taken as sent. */
    private static Map<String, Object> merged(Map<String, Object> input, Map<String, Object> before, VariableCatalogue catalogue) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> sent = input == null ? Map.of() : input;
        sent.forEach((name, value) -> {
            Object kept = mergedValue(name, value, before == null ? null : before.get(name), catalogue);
            if (kept != null || value == null) {
                result.put(name, kept);
            }
        });
        if (before != null) {
            keptSecrets(sent, before, catalogue, result);
        }
        return result;
    }

    /** A secret's value (a stored one kept), a map or list with its secrets merged item by item, or the value as sent. */
    private static Object mergedValue(String key, Object sent, Object before, VariableCatalogue catalogue) {
        boolean marker = sent instanceof Map<?, ?> m && m.containsKey("set");
        if (sent instanceof Map<?, ?> map && !marker) {
            Map<String, Object> result = new LinkedHashMap<>();
            Map<?, ?> beforeMap = before instanceof Map<?, ?> b ? b : Map.of();
            map.forEach((k, v) -> {
                Object kept = mergedValue(String.valueOf(k), v, beforeMap.get(k), catalogue);
                if (kept != null || v == null) {
                    result.put(String.valueOf(k), kept);
                }
            });
            keptSecrets(map, beforeMap, catalogue, result);
            return result;
        }
        if (sent instanceof List<?> list) {
            // items are matched by position: a list sent back as read keeps each item's secrets
            List<?> beforeList = before instanceof List<?> b ? b : List.of();
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object kept = mergedValue(key, list.get(i), i < beforeList.size() ? beforeList.get(i) : null, catalogue);
                if (kept != null || list.get(i) == null) {
                    result.add(kept);
                }
            }
            return result;
        }
        return catalogue.isSecret(key) ? secretValue(sent, before) : sent;
    }

    /** A stored secret not sent is kept, as a missing secret keeps the stored one. */
    private static void keptSecrets(Map<?, ?> sent, Map<?, ?> before, VariableCatalogue catalogue, Map<String, Object> result) {
        before.forEach((name, value) -> {
            if (!sent.containsKey(name) && catalogue.isSecretValue(String.valueOf(name), value)) {
                result.put(String.valueOf(name), value);
            }
        });
    }

    private static String secretValue(Object sent, Object before) {
        String kept = before == null ? null : String.valueOf(before);
        if (sent == null || "".equals(sent) || SecretMasker.MASK.equals(sent)) {
            return kept;
        }
        if (sent instanceof Map<?, ?> marker && marker.containsKey("set")) {
            return Boolean.TRUE.equals(marker.get("set")) ? kept : null;
        }
        return String.valueOf(sent);
    }
}
