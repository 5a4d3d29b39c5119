package io.reemo.console.deploy;

import io.reemo.console.environment.VariableCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The checks of an update's tags and versions: for the update job, and for the plan of a tagged update. */
@Component
public class UpdateChecks {

    private static final Pattern VERSION_VARIABLE = Pattern.compile("DOCKER_VERSION_[A-Z0-9_]+");
    /** Docker's grammar of an image tag: what else would be written into the environment and then fail every pull. */
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final VariableCatalogue variables;

    UpdateChecks(VariableCatalogue variables) {
        this.variables = variables;
    }

    /** The plan of a tagged update needs its tags; the rest as for the job. */
    public List<ParameterProblem> forPlan(UpdateParameters parameters) {
        List<ParameterProblem> problems = tagsAndVersions(parameters);
        if (parameters.tags().isEmpty()) {
            problems.add(new ParameterProblem("tags", "'tags' is required: the update tags to plan, from " + UpdateParameters.TAGS));
        }
        return problems;
    }

    /** Each tag one of the role's; each version a known {@code DOCKER_VERSION_*} variable set to a non-empty value. */
    public List<ParameterProblem> tagsAndVersions(UpdateParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        parameters.tags().stream().filter(tag -> !UpdateParameters.TAGS.contains(tag)).forEach(tag -> problems.add(new ParameterProblem(
                "tags", "'tags': unknown value '" + tag + "' (known: " + String.join(", ", UpdateParameters.TAGS) + ")")));
        parameters.versions().forEach((variable, version) -> {
            if (!VERSION_VARIABLE.matcher(variable).matches()) {
                problems.add(new ParameterProblem("versions", "'versions': '" + variable + "' is not a DOCKER_VERSION_* variable"));
            } else if (version == null || version.isBlank()) {
                problems.add(new ParameterProblem("versions", "'versions': " + variable + " must be a non-empty string"));
            } else if (variables.find(variable).isEmpty()) {
                problems.add(new ParameterProblem("versions", "versions: " + variable + " is not a known version variable"));
            } else if (!IMAGE_TAG.matcher(version).matches()) {
                problems.add(new ParameterProblem("versions", "'versions': " + variable + " must be an image tag (letters, digits, "
                        + "_ . -, at most 128, not starting with . or -), not \"" + version + "\""));
            }
        });
        return problems;
    }
}
