package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Parameters are stored with their job as a request would have sent them: what is left at its default is left out. */
class JobParametersTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void defaultsAreLeftOutOfTheStoredParametersButTheMaintenanceSwitchIsAlwaysThere() {
        assertThat(json.writeValueAsString(new InstallParameters(false, false))).isEqualTo("{}");
        assertThat(json.writeValueAsString(new InstallParameters(true, false))).isEqualTo("{\"initDb\":true}");
        assertThat(json.writeValueAsString(new FactsParameters(null))).isEqualTo("{}");
        assertThat(json.writeValueAsString(new CommandParameters("uptime", List.of("node1"), null)))
                .isEqualTo("{\"command\":\"uptime\",\"nodes\":[\"node1\"]}");
        assertThat(json.writeValueAsString(new UpdateParameters(List.of("api", "api"), Map.of("DOCKER_VERSION_API", "2.14.0"), false, false)))
                .isEqualTo("{\"tags\":[\"api\"],\"versions\":{\"DOCKER_VERSION_API\":\"2.14.0\"}}");
        assertThat(json.writeValueAsString(new MaintenanceParameters(false))).isEqualTo("{\"enable\":false}");
        assertThat(json.writeValueAsString(new VerifyParameters())).isEqualTo("{}");
    }

    @Test
    void aFieldNamedWhileReadingTheRequestIsNotNamedAgainByTheChecks() {
        List<ParameterProblem> reading = List.of(new ParameterProblem("command", "'command' must be a string"));
        List<ParameterProblem> checked = List.of(new ParameterProblem("command", "'command' is required"),
                new ParameterProblem("nodes", "'nodes': no node 'x'"), new ParameterProblem(null, "environment: invalid"));
        assertThatThrownBy(() -> JobParametersException.throwIfAny(reading, checked))
                .isInstanceOfSatisfying(JobParametersException.class, e -> assertThat(e.problems()).extracting(ParameterProblem::message)
                        .containsExactly("'command' must be a string", "'nodes': no node 'x'", "environment: invalid"));
    }
}
