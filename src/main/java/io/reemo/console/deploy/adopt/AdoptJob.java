package io.reemo.console.deploy.adopt;

import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.deploy.AdoptParameters;
import io.reemo.console.deploy.AdoptionRecord;
import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.steps.AdoptionApply;
import io.reemo.console.deploy.steps.ImagePull;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import io.reemo.console.swarm.ForeignObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code adopt}: takes over a platform that runs without the console (installed by the vendor's Ansible role). Reads
 * and records what runs, with the database where it is ({@link AdoptionRecord}); proves the platform answers; then
 * either only labels the services (as it runs) or, with the images pulled, converges them one by one in place
 * ({@link AdoptionApply}); verifies; and last removes what the operator named of what the console left alone.
 */
@Component
class AdoptJob implements JobType<AdoptParameters> {

    static final String BEFORE = "platform answers (before)";

    private final DeploySupport support;
    private final AdoptionRecord record;
    private final PlatformCheck platformCheck;
    private final ImagePull images;
    private final AdoptionApply apply;
    private final NamedRemoval removal;

    AdoptJob(DeploySupport support, AdoptionRecord record, PlatformCheck platformCheck, ImagePull images, AdoptionApply apply,
             NamedRemoval removal) {
        this.support = support;
        this.record = record;
        this.platformCheck = platformCheck;
        this.images = images;
        this.apply = apply;
        this.removal = removal;
    }

    @Override
    public String name() {
        return "adopt";
    }

    @Override
    public boolean changing() {
        return true;
    }

    @Override
    public String role() {
        return Roles.ADMIN;
    }

    @Override
    public Class<AdoptParameters> parametersType() {
        return AdoptParameters.class;
    }

    @Override
    public List<ParameterProblem> check(Environment environment, AdoptParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        support.requireValid(environment, problems);
        if (environment.id() == null) {
            problems.add(new ParameterProblem(null, "adopt: import the inventory and save the environment first"));
        }
        for (int i = 0; i < parameters.remove().size(); i++) {
            String entry = parameters.remove().get(i);
            if (!ForeignObjects.named(entry)) {
                problems.add(new ParameterProblem("remove", "remove[" + i + "]: '" + entry + "' is not an entry of what the plan"
                        + " leaves alone; send it as the plan lists it, e.g. \"secret reemo_mysql_root_password\""));
            }
        }
        return problems;
    }

    @Override
    public List<Step> plan(Environment environment, AdoptParameters parameters) {
        long id = environment.id();
        Supplier<Environment> current = support.current(id);
        Supplier<DesiredState> desired = support.desired(id);
        List<Step> steps = new ArrayList<>();
        steps.add(record.step(id, !parameters.converge()));
        steps.add(platformCheck.answering(BEFORE, current));
        if (parameters.converge()) {
            steps.add(images.step(environment, current, desired, service -> true));
        }
        steps.add(apply.step(current, desired, parameters.converge()));
        steps.add(platformCheck.step(current));
        if (!parameters.remove().isEmpty()) {
            steps.add(removal.step(current, desired, parameters.remove()));
        }
        return steps;
    }
}
