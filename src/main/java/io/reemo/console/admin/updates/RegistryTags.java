package io.reemo.console.admin.updates;

import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.registry.RegistryClient;
import io.reemo.console.registry.RegistryClients;
import io.reemo.console.registry.RegistryException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the tags of the environment's images from its registry, with its registry credentials. A private
 * registry's CA is trusted when {@code console.registry.ca-file} names it (a PEM file on the console's machine).
 */
@Component
class RegistryTags {

    /** The registry as a whole failed: asking for the next repository would fail the same way, only slower. */
    private static final Set<RegistryException.Reason> REGISTRY_WIDE = Set.of(RegistryException.Reason.UNREACHABLE,
            RegistryException.Reason.BAD_CREDENTIALS, RegistryException.Reason.UNTRUSTED_CERTIFICATE,
            RegistryException.Reason.UNEXPECTED_ANSWER);

    private final VariableCatalogue variables;
    private final RegistryClients clients;

    RegistryTags(VariableCatalogue variables, RegistryClients clients) {
        this.variables = variables;
        this.clients = clients;
    }

    TagLookup lookup(Environment environment, Collection<VersionRow> rows) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            RegistryClient registry = client(environment);
            for (VersionRow row : rows) {
                try {
                    tags.put(row.tag(), registry.tags(row.repository()));
                } catch (RegistryException e) {
                    if (REGISTRY_WIDE.contains(e.reason())) {
                        throw e;
                    }
                    problems.put(row.tag(), e.getMessage());
                }
            }
        } catch (RegistryException | IllegalArgumentException e) {
            return new TagLookup(Map.of(), Map.of(), e.getMessage());
        }
        return new TagLookup(tags, problems, null);
    }

    private RegistryClient client(Environment environment) {
        EffectiveVariables vars = variables.effective(environment, environment.clusters().get(0));
        return clients.open(vars.text("REGISTRY_URL").orElse("registry.reemo.io"),
                vars.text("REGISTRY_USERNAME").orElse(null), vars.text("REGISTRY_PASSWORD").orElse(null), null);
    }
}
