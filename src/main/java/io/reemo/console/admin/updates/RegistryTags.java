package io.reemo.console.admin.updates;

import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.registry.RegistryClient;
import io.reemo.console.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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
    private final String caFile;

    RegistryTags(VariableCatalogue variables, @Value("${console.registry.ca-file:}") String caFile) {
        this.variables = variables;
        this.caFile = caFile;
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
        return new RegistryClient(vars.text("REGISTRY_URL").orElse("registry.reemo.io"),
                vars.text("REGISTRY_USERNAME").orElse(null), vars.text("REGISTRY_PASSWORD").orElse(null), trustedCa());
    }

    private String trustedCa() {
        if (caFile.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(caFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("The registry CA file " + caFile + " (console.registry.ca-file) cannot be "
                    + "read on the console's machine: " + e.getMessage());
        }
    }
}
