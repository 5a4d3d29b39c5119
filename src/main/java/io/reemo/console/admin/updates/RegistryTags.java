package io.reemo.console.admin.updates;

import io.reemo.console.environment.EffectiveVariables.RegistryLogin;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.registry.RegistryClients;
import io.reemo.console.registry.RegistryException;
import io.reemo.console.registry.RepositoryTags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads the tags of the environment's images from its registry, with its registry credentials. A private
 * registry's CA is trusted when {@code console.registry.ca-file} names it (a PEM file on the console's machine).
 */
@Component
class RegistryTags {

    private final VariableCatalogue variables;
    private final RegistryClients clients;

    RegistryTags(VariableCatalogue variables, RegistryClients clients) {
        this.variables = variables;
        this.clients = clients;
    }

    TagLookup lookup(Environment environment, Collection<VersionRow> rows) {
        RepositoryTags read;
        try {
            RegistryLogin login = variables.effective(environment, environment.clusters().get(0)).registryLogin();
            read = clients.open(login.registry(), login.username(), login.password(), null)
                    .tagsOf(rows.stream().map(VersionRow::repository).toList());
        } catch (RegistryException | IllegalArgumentException e) {
            return new TagLookup(Map.of(), Map.of(), e.getMessage());
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (VersionRow row : rows) {
            if (read.tags().containsKey(row.repository())) {
                tags.put(row.tag(), read.of(row.repository()));
            } else if (read.problems().containsKey(row.repository())) {
                problems.put(row.tag(), read.problem(row.repository()));
            }
        }
        return new TagLookup(tags, problems, read.registryProblem());
    }
}
