package io.reemo.console.environment;

import io.reemo.console.environment.validation.SettingsChecks;
import io.reemo.console.environment.validation.TopologyChecks;
import io.reemo.console.environment.validation.VariableChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rule an environment must satisfy, reported all at once: scope, types and formats, topology, consistency
 * across clusters and across the console's other environments, hardware and good-practice warnings.
 * Errors block saving and deploying; warnings do not.
 */
@Component
public class EnvironmentValidator {

    private final Environments environments;
    private final VariableChecks variables;
    private final SettingsChecks settings;
    private final LocalFiles files;

    public EnvironmentValidator(VariableCatalogue catalogue, Environments environments, JsonMapper json, LocalFiles files) {
        this.environments = environments;
        this.files = files;
        this.variables = new VariableChecks(catalogue, json, files);
        this.settings = new SettingsChecks(catalogue);
    }

    /** Problems of an environment built in the console, against the stored others. */
    public List<Problem> validate(Environment environment) {
        return validate(environment, SourcePositions.NONE);
    }

    /** Problems of an imported environment, with the lines and columns of the file it came from. */
    public List<Problem> validate(Environment environment, SourcePositions positions) {
        List<Environment> others = environments.list().stream()
                .filter(other -> !Objects.equals(other.id(), environment.id()))
                .toList();
        return validate(environment, others, positions);
    }

    /** Against a given set of other environments (the ones that share the console's crons and servers). */
    public List<Problem> validate(Environment environment, List<Environment> others, SourcePositions positions) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(TopologyChecks.check(environment, others, positions, files));
        problems.addAll(variables.check(environment, positions));
        problems.addAll(settings.check(environment, others, positions));
        problems.sort(Problem.READING_ORDER);
        return problems;
    }

    /**
     * @return the warnings, when there is no error
     * @throws InvalidEnvironmentException with every problem, when there is an error
     */
    public List<Problem> requireValid(Environment environment, SourcePositions positions) {
        List<Problem> problems = validate(environment, positions);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidEnvironmentException(problems);
        }
        return problems;
    }
}
