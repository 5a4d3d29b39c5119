package io.reemo.console.admin.updates;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.registry.RegistryClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTagsTest {

    private final VariableCatalogue variables = new VariableCatalogue();
    private final Environment environment = Fixtures.withAll(Fixtures.cluster(), "REGISTRY_URL", "127.0.0.1:1");
    private final List<VersionRow> rows = List.of(
            new VersionRow("api", List.of("reemo_api"), "reemoinfraapi", "DOCKER_VERSION_API", "2.13.10", "2.13.10"),
            new VersionRow("portal", List.of("reemo_portal"), "reemoinfraportal", "DOCKER_VERSION_PORTAL", "2.12.6", "2.12.6"));

    @Test
    void aRegistryThatCannotBeReachedIsOneProblemInWordsWithoutThePassword() {
        TagLookup lookup = new RegistryTags(variables, new RegistryClients("")).lookup(environment, rows);

        assertThat(lookup.registryProblem()).contains("https://127.0.0.1:1 is unreachable").contains("check REGISTRY_URL")
                .doesNotContain("registry-password");
        assertThat(lookup.problem("portal")).isEqualTo(lookup.registryProblem());
        assertThat(lookup.newer(rows.get(0))).isEmpty();
        assertThat(lookup.lacks("api", "2.14.0")).as("unknown, not absent").isFalse();
    }

    @Test
    void anUnreadableCaFileIsNamed() {
        TagLookup lookup = new RegistryTags(variables, new RegistryClients("/nonexistent/registry-ca.pem")).lookup(environment, rows);

        assertThat(lookup.registryProblem()).contains("/nonexistent/registry-ca.pem (console.registry.ca-file) cannot be read");
    }
}
