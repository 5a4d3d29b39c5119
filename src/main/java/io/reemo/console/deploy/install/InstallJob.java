package io.reemo.console.deploy.install;

import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.InstallParameters;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.steps.DatabaseRun;
import io.reemo.console.deploy.steps.ImagePull;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.deploy.steps.SwarmApply;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code install}: what the role's images and install playbooks did, as one job:
 * preflight, Docker (with {@code installDocker}), Swarm, images, PKI and services, database initialisation
 * (with {@code initDb}: once per environment, ever), summary, and the proof that the platform serves
 * ({@link PlatformCheck}): an install whose platform does not answer fails. Running it again applies only what differs.
 */
@Component
class InstallJob implements JobType<InstallParameters> {

    private final DeploySupport support;
    private final Preflight preflight;
    private final DockerInstall dockerInstall;
    private final SwarmSetup swarmSetup;
    private final ImagePull images;
    private final SwarmApply apply;
    private final DatabaseRun database;
    private final DataDirectory dataDirectory;
    private final PlatformCheck platformCheck;
    private final MysqlDataNodes dataNodes;

    InstallJob(DeploySupport support, Preflight preflight, DockerInstall dockerInstall, SwarmSetup swarmSetup, ImagePull images,
               SwarmApply apply, DatabaseRun database, DataDirectory dataDirectory, PlatformCheck platformCheck, MysqlDataNodes dataNodes) {
        this.support = support;
        this.preflight = preflight;
        this.dockerInstall = dockerInstall;
        this.swarmSetup = swarmSetup;
        this.images = images;
        this.apply = apply;
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.platformCheck = platformCheck;
        this.dataNodes = dataNodes;
    }

    @Override
    public String name() {
        return "install";
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
    public Class<InstallParameters> parametersType() {
        return InstallParameters.class;
    }

    @Override
    public List<ParameterProblem> check(Environment environment, InstallParameters parameters) {
        List<ParameterProblem> problems = new ArrayList<>();
        support.requireValid(environment, problems);
        // An environment the wizard has not stored yet has no database record: its INIT_DB is still to come.
        if (parameters.initDb() && environment.id() != null) {
            if (support.records().databaseAdopted(environment.id())) {
                String where = dataNodes.of(environment).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                        .collect(Collectors.joining(", "));
                problems.add(new ParameterProblem("initDb", "initDb: the database of '" + environment.name() + "'"
                        + (where.isEmpty() ? "" : " (" + where + ")") + " ran with the platform the console adopted: it holds"
                        + " the platform's data, and INIT_DB would erase it. Install without initDb to apply the configuration."));
            } else {
                support.records().databaseInitializedAt(environment.id()).ifPresent(at -> problems.add(new ParameterProblem("initDb",
                        "initDb: the database of '" + environment.name() + "' was already initialised on " + at
                                + "; INIT_DB runs once per environment. Install without initDb to apply the configuration.")));
            }
        }
        return problems;
    }

    @Override
    public List<Step> plan(Environment environment, InstallParameters parameters) {
        boolean initDb = parameters.initDb();
        boolean installDocker = parameters.installDocker();
        Supplier<Environment> current = support.current(environment.id());
        Supplier<DesiredState> desired = support.desired(environment.id());
        List<Step> steps = new ArrayList<>();
        steps.add(preflight.step(environment, installDocker, initDb));
        if (installDocker) {
            steps.add(dockerInstall.step(environment));
        }
        steps.add(swarmSetup.step(environment));
        dataDirectory.step(environment).ifPresent(steps::add);
        steps.add(images.step(environment, current, desired, service -> true));
        steps.add(apply.step("services", current, desired, service -> true, true));
        if (initDb) {
            steps.add(database.step(current, true));
        }
        steps.add(support.summary(desired));
        steps.add(platformCheck.step(current));
        return steps;
    }
}
