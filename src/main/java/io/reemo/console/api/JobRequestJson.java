package io.reemo.console.api;

import io.reemo.console.deploy.AdoptParameters;
import io.reemo.console.deploy.CommandParameters;
import io.reemo.console.deploy.FactsParameters;
import io.reemo.console.deploy.InstallParameters;
import io.reemo.console.deploy.JobParameters;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.JobTypes;
import io.reemo.console.deploy.MaintenanceParameters;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.UpdateParameters;
import io.reemo.console.deploy.VerifyParameters;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A job request's JSON, {@code {"type": "facts", "nodes": ["node1"]}}, as the parameters record of its job type:
 * {@code type} picks the record, the other fields are its components. What reading finds wrong (a typo, a field of
 * the wrong JSON type) is kept for the launcher, which refuses it together with the job type's checks of the values.
 */
final class JobRequestJson {

    /** @param problems what reading found wrong, each naming its field */
    record Read<P extends JobParameters>(P parameters, List<ParameterProblem> problems) {
    }

    private static final String VERSIONS_EXAMPLE = "{\"DOCKER_VERSION_API\": \"2.14.0\"}";

    /** How each parameters record is read; {@code JobRequestJsonTest} checks that every one has its reader. */
    static final Map<Class<? extends JobParameters>, Function<JsonFields, JobParameters>> READERS = Map.of(
            InstallParameters.class, in -> new InstallParameters(in.bool("initDb"), in.bool("installDocker")),
            UpdateParameters.class, in -> update(in, true),
            MaintenanceParameters.class, in -> new MaintenanceParameters(
                    in.requiredBool("enable", "true to show the maintenance page, false to restore the portal")),
            FactsParameters.class, in -> new FactsParameters(in.nodes("nodes")),
            CommandParameters.class, in -> new CommandParameters(in.string("command"), in.nodes("nodes"),
                    in.wholeNumber("timeoutSeconds", CommandParameters.TIMEOUT_RULE)),
            VerifyParameters.class, in -> new VerifyParameters(),
            AdoptParameters.class, in -> new AdoptParameters(in.bool("converge"),
                    in.strings("remove", List.of("what the plan leaves alone, e.g. \"secret reemo_mysql_root_password\""))));

    private JobRequestJson() {
    }

    /** @throws JobParametersException (400) for a body without a known {@code type}: nothing else can be read then */
    static Read<JobParameters> read(JsonNode body, JobTypes types) {
        requireObject(body, "{\"type\": \"facts\"}");
        JsonNode typeName = body.get("type");
        if (typeName == null || !typeName.isString() || typeName.stringValue().isBlank()) {
            throw new JobParametersException("type", "'type' is required: one of " + types.names());
        }
        String name = typeName.stringValue();
        JobType<?> type = types.find(name).orElseThrow(() ->
                new JobParametersException("type", "unknown job type '" + name + "': use one of " + types.names()));
        JsonFields fields = new JsonFields(body, "'" + name + "' job", fieldsOf(type.parametersType()), "type");
        return new Read<>(READERS.get(type.parametersType()).apply(fields), fields.problems());
    }

    /** The plan of a tagged update: the {@code tags} and {@code versions} of an update job. */
    static Read<UpdateParameters> updatePlan(JsonNode body) {
        requireObject(body, "{\"tags\": [\"api\"]}");
        JsonFields fields = new JsonFields(body, "'update' job", List.of("tags", "versions"), null);
        return new Read<>(update(fields, false), fields.problems());
    }

    /** @param job the job's request, which takes {@code confirmDowntime} and {@code retryFailed}; a plan's does not */
    private static UpdateParameters update(JsonFields in, boolean job) {
        List<String> tags = in.strings("tags", UpdateParameters.TAGS);
        Map<String, String> versions = in.stringMap("versions", VERSIONS_EXAMPLE);
        return new UpdateParameters(tags, versions, job && in.bool("confirmDowntime"), job && in.bool("retryFailed"));
    }

    private static List<String> fieldsOf(Class<? extends JobParameters> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static void requireObject(JsonNode body, String example) {
        if (body == null || !body.isObject()) {
            throw new JobParametersException(null, "the body must be a JSON object such as " + example);
        }
    }
}
