package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Every secret value of an environment: the secret variables (catalogue secrets, and unknown variables named like
 * one) at every site, the values inside a map or list variable under a key named like a secret (a custom
 * {@code LDAP: {bind_password: x}}), and the nodes' private keys and passwords. One walk serves encryption,
 * decryption, masking, the API's view and the export.
 */
public final class SecretFields {

    private SecretFields() {
    }

    /** A copy with every secret value replaced by {@code change(value)}. */
    public static Environment map(Environment environment, VariableCatalogue catalogue, UnaryOperator<String> change) {
        List<Cluster> clusters = environment.clusters().stream()
                .map(c -> new Cluster(c.group(), c.parentGroup(), vars(c.parentVars(), catalogue, change),
                        vars(c.vars(), catalogue, change),
                        c.nodes().stream().map(n -> node(n, catalogue, change)).toList()))
                .toList();
        return new Environment(environment.id(), environment.name(), environment.topology(),
                vars(environment.vars(), catalogue, change), clusters);
    }

    private static Node node(Node node, VariableCatalogue catalogue, UnaryOperator<String> change) {
        SshAuth auth = node.auth();
        SshAuth changed = auth == null ? null : new SshAuth(auth.kind(),
                auth.privateKeyPem() == null ? null : change.apply(auth.privateKeyPem()),
                auth.privateKeyFile(),
                auth.password() == null ? null : change.apply(auth.password()));
        return new Node(node.name(), node.address(), node.sshPort(), node.sshUser(), changed, node.hostKeySha256(),
                vars(node.vars(), catalogue, change), node.facts());
    }

    private static Map<String, Object> vars(Map<String, Object> vars, VariableCatalogue catalogue, UnaryOperator<String> change) {
        Map<String, Object> result = new LinkedHashMap<>();
        vars.forEach((name, value) -> result.put(name,
                value(name, value, catalogue, (path, secret) -> change.apply(String.valueOf(secret)))));
        return result;
    }

    /**
     * A variable's value with each secret in it replaced by {@code change(path, secret)}: the value itself when the
     * variable is a secret, else each single value of its maps and lists that sits under a key named like a secret
     * (a list's items under the list's key). The path reads {@code LDAP.bind_password} or {@code USERS[1].password};
     * a {@code null} from {@code change} leaves that secret out.
     */
    public static Object value(String name, Object value, VariableCatalogue catalogue, BiFunction<String, Object, Object> change) {
        return nested(name, name, value, catalogue, change);
    }

    private static Object nested(String path, String key, Object value, VariableCatalogue catalogue,
                                 BiFunction<String, Object, Object> change) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object changed = nested(path + "." + k, String.valueOf(k), v, catalogue, change);
                if (changed != null || v == null) {
                    result.put(String.valueOf(k), changed);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object changed = nested(path + "[" + i + "]", key, list.get(i), catalogue, change);
                if (changed != null || list.get(i) == null) {
                    result.add(changed);
                }
            }
            return result;
        }
        return catalogue.isSecretValue(key, value) ? change.apply(path, value) : value;
    }
}
