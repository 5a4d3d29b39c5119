package io.reemo.console.deploy.verify;

import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.JobNodes;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code verify}: proof that the platform serves, as a job of its own ({@link PlatformCheck}). It only reads, so anyone
 * signed in may run it beside a reading job; while a job changes the environment it is refused, as it would read a
 * platform half-way through a change (that job's own last step verifies it).
 */
@Component
class VerifyJob implements JobType<VerifyParameters> {

    private final DeploySupport support;
    private final PlatformCheck check;
    private final Jobs jobs;

    VerifyJob(DeploySupport support, PlatformCheck check, Jobs jobs) {
        this.support = support;
        this.check = check;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public boolean changing() {
        return false;
    }

    @Override
    public String role() {
        return Roles.OPERATOR;
    }

    @Override
    public Class<VerifyParameters> parametersType() {
        return VerifyParameters.class;
    }

    /** @throws JobConflictException (409) while a changing job holds the environment */
    @Override
    public List<ParameterProblem> check(Environment environment, VerifyParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        JobNodes.check(environment, null, problems);
        if (environment.id() != null) {
            jobs.changingJobOn(environment.id()).ifPresent(this::refuse);
        }
        return problems;
    }

    private void refuse(Job changing) {
        throw new JobConflictException("Job " + changing.id() + " (" + changing.type() + ", started by " + changing.startedBy()
                + ") is changing the environment now: a verify would read it half-way. Wait for that job to end; its last "
                + "step verifies the platform.", changing.id());
    }

    @Override
    public List<Step> plan(Environment environment, VerifyParameters parameters) {
        return List.of(check.step(support.current(environment.id())));
    }
}
