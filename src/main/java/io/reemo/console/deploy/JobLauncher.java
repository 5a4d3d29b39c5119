package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.security.AuditLog;
import io.reemo.console.security.Roles;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns a job's parameters into a running job: checks, plans, then audits and starts in one transaction. */
@Service
public class JobLauncher {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

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
     * @throws JobParametersException every problem of the parameters (400)
     * @throws AccessDeniedException  the user's role may not start this type (403)
     * @throws io.reemo.console.environment.EnvironmentNotFoundException (404)
     * @throws io.reemo.console.job.JobConflictException another changing job holds the environment (409)
     */
    public Job start(long environmentId, JobParameters parameters, Authentication user) {
        return start(environmentId, parameters, user, List.of());
    }

    /**
     * As {@link #start(long, JobParameters, Authentication)} for parameters read from a request: {@code reading} is
     * what the reader found wrong (a field of the wrong JSON type), refused together with the checks' problems.
     */
    public <P extends JobParameters> Job start(long environmentId, P parameters, Authentication user, List<ParameterProblem> reading) {
        JobType<P> type = types.of(parameters);
        requireMayStart(user, type);
        Environment environment = environments.get(environmentId);
        JobParametersException.throwIfAny(reading, type.check(environment, parameters));
        List<Step> steps = type.plan(environment, parameters);
        Map<String, Object> recorded = json.convertValue(parameters, AS_MAP);
        String target = AuditLog.environmentTarget(environmentId, environment.name());
        String detail = type.name() + " " + masker.mask(json.writeValueAsString(recorded));
        // Recorded with the job's row, before its thread may run: a job that could not be audited never runs.
        return jobs.start(new JobRequest(type.name(), environmentId, user.getName(), recorded, type.changing(), steps),
                id -> audit.record("job.start", target, "job " + id + " " + detail));
    }

    /**
     * What {@link #start} would refuse before anything runs, on an environment that may not be stored yet: the
     * wizard asks before it saves what it is about to install.
     *
     * @throws JobParametersException every problem of the parameters
     * @throws AccessDeniedException  the user's role may not start this type
     */
    public <P extends JobParameters> void check(Environment environment, P parameters, Authentication user) {
        JobType<P> type = types.of(parameters);
        requireMayStart(user, type);
        JobParametersException.throwIfAny(List.of(), type.check(environment, parameters));
    }

    private static void requireMayStart(Authentication user, JobType<?> type) {
        if (!JobPermissions.mayStart(user, type)) {
            throw new AccessDeniedException(Roles.ADMIN.equals(type.role())
                    ? "Only administrators may start '" + type.name() + "' jobs."
                    : "Only operators and administrators may start '" + type.name() + "' jobs.");
        }
    }
}
