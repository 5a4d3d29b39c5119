package io.reemo.console.deploy.update;

import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.UpdateTags;
import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.UpdateChecks;
import io.reemo.console.deploy.UpdateParameters;
import io.reemo.console.deploy.steps.DatabaseRun;
import io.reemo.console.deploy.steps.ImagePull;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.deploy.steps.SwarmApply;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code update}: without tags, the whole environment's plan; with tags, only those services, in the mandatory
 * order ({@code db}, {@code api}, the others, {@code portal} last). The images of {@code versions} are pulled
 * first; then {@code versions} sets {@code DOCKER_VERSION_*} in the environment (recorded, for a return to the
 * previous version), so that an image no node can get changes nothing. A {@code mysql} update interrupts service and
 * needs {@code confirmDowntime}; a version that failed on this environment before needs {@code retryFailed}. The last
 * step proves that the platform serves ({@link PlatformCheck}).
 */
@Component
class UpdateJob implements JobType<UpdateParameters> {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DeploySupport support;
    private final Environments environments;
    private final UpdateChecks checks;
    private final ImagePull images;
    private final SwarmApply apply;
    private final DatabaseRun database;
    private final FailedVersions failedVersions;
    private final PlatformCheck platformCheck;

    UpdateJob(DeploySupport support, Environments environments, UpdateChecks checks, ImagePull images,
              SwarmApply apply, DatabaseRun database, FailedVersions failedVersions, PlatformCheck platformCheck) {
        this.support = support;
        this.environments = environments;
        this.checks = checks;
        this.images = images;
        this.apply = apply;
        this.database = database;
        this.failedVersions = failedVersions;
        this.platformCheck = platformCheck;
    }

    @Override
    public String name() {
        return "update";
    }

    @Override
    public boolean changing() {
        return true;
    }

    @Override
    public String role() {
        return Roles.OPERATOR;
    }

    @Override
    public Class<UpdateParameters> parametersType() {
        return UpdateParameters.class;
    }

    @Override
    public List<ParameterProblem> check(Environment environment, UpdateParameters parameters) {
        List<ParameterProblem> problems = checks.tagsAndVersions(parameters);
        if (parameters.tags().contains(UpdateTags.DOWNTIME) && !parameters.confirmDowntime()) {
            problems.add(new ParameterProblem("confirmDowntime",
                    "tags: a mysql update interrupts the service while MySQL restarts; send \"confirmDowntime\": true to go ahead"));
        }
        if (!parameters.retryFailed() && environment.id() != null) {
            parameters.versions().forEach((variable, version) -> failedVersions.find(environment.id(), variable, version)
                    .ifPresent(failure -> problems.add(new ParameterProblem("retryFailed", "versions: " + variable + " " + version
                            + " failed on this environment in job " + failure.jobId() + " (" + AT.format(failure.at()) + "): " + failure.words()
                            + ". Send \"retryFailed\": true to try it again anyway, or pick another version."))));
        }
        support.requireValid(environment, problems);
        return problems;
    }

    @Override
    public List<Step> plan(Environment environment, UpdateParameters parameters) {
        List<String> tags = parameters.tags();
        Map<String, String> versions = parameters.versions();
        long id = environment.id();
        Supplier<Environment> current = support.current(id);
        Supplier<DesiredState> desired = support.desired(id);
        Predicate<ServiceSpec> scope = tags.isEmpty() ? service -> true : service -> ServiceCatalogue.selectedByTags(service, tags);
        List<Step> steps = new ArrayList<>();
        steps.add(images.step(environment, current, support.desired(id, versions), scope));
        if (!versions.isEmpty()) {
            steps.add(Step.onConsole("versions", run -> {
                Environment env = environments.get(id);
                versions.forEach((variable, version) -> {
                    Object before = env.vars().get(variable);
                    support.records().recordVersionChange(id, run.jobId(), variable, before == null ? null : before.toString(), version);
                    run.system(variable + ": " + (before == null ? "default" : before) + " → " + version);
                });
                environments.save(DeploySupport.withVersions(env, versions), Edit.of(RevisionCause.UPDATE_JOB, run.startedBy()).job(run.jobId()));
                return 0;
            }));
        }
        if (tags.isEmpty()) {
            steps.add(apply.step("services", current, desired, scope, true));
        } else {
            for (List<String> group : UpdateTags.ordered(tags)) {
                steps.add(apply.step("update " + String.join(", ", group), current, desired,
                        service -> ServiceCatalogue.selectedByTags(service, group), false));
                if (group.contains("db")) {
                    steps.add(database.step(current, false));
                }
            }
        }
        steps.add(support.summary(desired));
        steps.add(platformCheck.step(current));
        return steps;
    }
}
