package io.reemo.console.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every secret value of an environment: the secret variables (catalogue secrets, and unknown variables named like
 * one) at every site, and the nodes' private keys and passwords. One walk serves encryption, decryption and masking.
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
                catalogue.isSecretValue(name, value) ? change.apply(String.valueOf(value)) : value));
        return result;
    }
}
