package io.reemo.console.inventory;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SecretFields;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.VariableCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * An {@link Environment} → a strictly valid Ansible YAML inventory: every group under {@code all.children},
 * {@code portaluser_manager} / {@code portaladmin_manager} under {@code portal_manager}. Secrets are left out
 * (and listed in the header) unless asked for; private keys held by the console are never written.
 */
@Component
public class InventoryExporter {

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");
    private final VariableCatalogue catalogue;

    public InventoryExporter(VariableCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public String export(Environment environment, boolean withSecrets) {
        Export export = new Export(withSecrets);
        Map<String, Object> children = new LinkedHashMap<>();
        for (Cluster cluster : environment.clusters()) {
            Map<String, Object> group = export.group(cluster.vars(), cluster.group());
            Map<String, Object> hosts = new LinkedHashMap<>();
            List<Map<String, Object>> inherited = List.of(cluster.vars(), cluster.parentVars(), environment.vars());
            cluster.nodes().forEach(node -> hosts.put(node.name(), export.host(node, inherited)));
            group.put("hosts", hosts);
            if (cluster.parentGroup() == null) {
                children.put(cluster.group(), group);
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> parent = (Map<String, Object>) children.computeIfAbsent(cluster.parentGroup(),
                        p -> export.group(cluster.parentVars(), p));
                @SuppressWarnings("unchecked")
                Map<String, Object> parentChildren = (Map<String, Object>) parent.computeIfAbsent("children",
                        c -> new LinkedHashMap<>());
                parentChildren.put(cluster.group(), group);
            }
        }
        Map<String, Object> all = export.group(environment.vars(), "all");
        all.put("children", children);
        return export.header(environment) + yaml().dump(Map.of("all", all));
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        return new Yaml(new Representer(options), options);
    }

    /** One export: collects what it leaves out, for the header. */
    private final class Export {
        private final boolean withSecrets;
        private final List<String> leftOut = new ArrayList<>();
        private final List<String> consoleKeys = new ArrayList<>();

        Export(boolean withSecrets) {
            this.withSecrets = withSecrets;
        }

        Map<String, Object> group(Map<String, Object> vars, String name) {
            Map<String, Object> group = new LinkedHashMap<>();
            Map<String, Object> kept = vars(vars, name.equals("all") ? "all.vars" : "vars of " + name);
            if (!kept.isEmpty()) {
                group.put("vars", kept);
            }
            return group;
        }

        /** Connection variables only where they differ from what the host inherits, as the original had them. */
        Map<String, Object> host(Node node, List<Map<String, Object>> inherited) {
            Map<String, Object> host = new LinkedHashMap<>();
            putIfNotInherited(host, Connection.HOST, node.address(), inherited, node.name());
            if (!Objects.equals(String.valueOf(node.sshPort()), text(inheritedValue(inherited, Connection.PORT), "22"))) {
                host.put(Connection.PORT, node.sshPort());
            }
            putIfNotInherited(host, Connection.USER, node.sshUser(), inherited, "root");
            SshAuth auth = node.auth();
            if (auth != null && auth.kind() == SshAuth.Kind.KEY_FILE) {
                putIfNotInherited(host, Connection.KEY_FILE, auth.privateKeyFile(), inherited, null);
            } else if (auth != null && auth.kind() == SshAuth.Kind.PASSWORD
                    && !Objects.equals(auth.password(), text(inheritedValue(inherited, Connection.PASSWORD), null))) {
                if (withSecrets) {
                    host.put(Connection.PASSWORD, auth.password());
                } else {
                    leftOut.add(Connection.PASSWORD + " (host " + node.name() + ")");
                }
            } else if (auth != null && auth.kind() == SshAuth.Kind.KEY) {
                consoleKeys.add(node.name());
            }
            host.putAll(vars(node.vars(), "host " + node.name()));
            return host;
        }

        private void putIfNotInherited(Map<String, Object> host, String variable, String value,
                                       List<Map<String, Object>> inherited, String absent) {
            if (value != null && !value.equals(text(inheritedValue(inherited, variable), absent))) {
                host.put(variable, value);
            }
        }

        private Map<String, Object> vars(Map<String, Object> vars, String where) {
            Map<String, Object> kept = new LinkedHashMap<>();
            vars.forEach((name, value) -> {
                Object shown = withSecrets ? value : SecretFields.value(name, value, catalogue, (path, secret) -> {
                    leftOut.add(path + " (" + where + ")");
                    return null;
                });
                if (shown != null || value == null) {
                    kept.put(name, shown);
                }
            });
            return kept;
        }

        String header(Environment environment) {
            StringBuilder header = new StringBuilder("# Ansible inventory of the Reemo Infra environment \"")
                    .append(oneLine(environment.name())).append("\", exported by the Reemo Infra Console.\n")
                    .append("# Hosts without ansible_user are reached as root by the console.\n");
            if (!leftOut.isEmpty()) {
                header.append("# Secrets left out (an administrator can export them): ")
                        .append(oneLine(String.join(", ", leftOut))).append(".\n");
            }
            if (!consoleKeys.isEmpty()) {
                header.append("# The private keys of ").append(oneLine(String.join(", ", consoleKeys))).append(" are held by the "
                        + "console and never exported: give Ansible an ansible_ssh_private_key_file for them.\n");
            }
            return header.toString();
        }
    }

    /**
     * A name as text of one comment line: a line break (YAML also breaks at NEL and the Unicode line and paragraph
     * separators) or another control character in a name would end the comment and make the rest inventory.
     */
    static String oneLine(String text) {
        return LINE_BREAKING.matcher(text).replaceAll("?");
    }

    private static Object inheritedValue(List<Map<String, Object>> chain, String variable) {
        return chain.stream().filter(m -> m.containsKey(variable)).findFirst().map(m -> m.get(variable)).orElse(null);
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : String.valueOf(value).strip();
    }
}
