package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.security.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Turns a request ({@code {"type": ..., parameters}}) into a running job: checks, plans, audits, starts. */
@Service
public class JobLauncher {

    private final JobTypes types;
    private final Environments environments;
    private final Jobs jobs;
    private final AuditLog audit;
    private final SecretMasker masker;
    private final JsonMapper json;

    JobLauncher(JobTypes types, Environments environments, Jobs jobs, AuditLog audit, SecretMasker masker, JsonMapper json) {
        this.types = types;
        this.environments = environments;
        this.jobs = jobs;
        this.audit = audit;
        this.masker = masker;
        this.json = json;
    }

    /**
     * @throws JobParametersException unknown type or bad parameters (400)
     * @throws AccessDeniedException  a non-admin asked for a changing job (403)
     * @throws io.reemo.console.environment.EnvironmentNotFoundException (404)
     * @throws io.reemo.console.job.JobConflictException another changing job holds the environment (409)
     */
    public Job start(long environmentId, Map<String, Object> body, Authentication user) {
        Object typeName = body == null ? null : body.get("type");
        if (!(typeName instanceof String name) || name.isBlank()) {
            throw new JobParametersException(List.of("'type' is required: one of " + types.names()));
        }
        JobType type = types.find(name).orElseThrow(() ->
                new JobParametersException(List.of("unknown job type '" + name + "': use one of " + types.names())));
        if (!JobPermissions.mayStart(user, type)) {
            throw new AccessDeniedException("Only administrators may start '" + name + "' jobs: they change servers.");
        }
        Environment environment = environments.get(environmentId);
        Map<String, Object> values = new LinkedHashMap<>(body);
        values.remove("type");
        JobParameters parameters = new JobParameters(name, values, type.parameterNames());
        List<Step> steps = type.plan(environment, parameters);
        parameters.throwIfInvalid();
        Job job = jobs.start(new JobRequest(name, environmentId, user.getName(), values, type.changing(), steps));
        audit.record("job.start", "environment " + environmentId + " (" + environment.name() + ")",
                "job " + job.id() + " " + name + " " + masker.mask(json.writeValueAsString(values)));
        return job;
    }
}
