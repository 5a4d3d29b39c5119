package io.reemo.console.deploy;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.ActualCluster;
import io.reemo.console.swarm.ActualCluster.ActualService;
import io.reemo.console.swarm.Difference;
import io.reemo.console.swarm.Drift;
import io.reemo.console.swarm.Planner;
import io.reemo.console.swarm.SwarmReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The first step of an adoption: reads what each cluster's Swarm runs without the console and records, as a revision
 * of the environment, what stays as it runs whatever the inventory said ({@link RunningPlacement}: the network, where
 * the database keeps its data) and, when adopting as it runs, the versions, replicas and endpoint mode that run
 * ({@link DriftAcceptance}). From then on the database counts as initialised: INIT_DB is refused there.
 */
@org.springframework.stereotype.Component
public class AdoptionRecord {

    public static final String STEP = "read what runs";

    private final Environments environments;
    private final DesiredStates desiredStates;
    private final VariableCatalogue variables;
    private final DeploymentRecords records;
    private final JobSessions sessions;

    AdoptionRecord(Environments environments, DesiredStates desiredStates, VariableCatalogue variables, DeploymentRecords records,
                   JobSessions sessions) {
        this.environments = environments;
        this.desiredStates = desiredStates;
        this.variables = variables;
        this.records = records;
        this.sessions = sessions;
    }

    public Step step(long environmentId, boolean asItRuns) {
        return Step.onConsole(STEP, run -> {
            Environment environment = environments.get(environmentId);
            Environment adopted = environment;
            List<Difference> differences = new ArrayList<>();
            Map<String, Set<String>> runningVersions = new TreeMap<>();
            int found = 0;
            for (DesiredCluster desired : desiredStates.forPlan(environment).clusters()) {
                Cluster cluster = environment.cluster(desired.group()).orElseThrow();
                DockerClient docker = sessions.docker(run, cluster.nodes().get(0));
                ActualCluster actual = SwarmReader.read(docker);
                found += report(run, desired, actual);
                adopted = keptInPlace(run, adopted, cluster, docker, actual);
                differences.addAll(Drift.of(desired, actual.adopted(desired)));
                collectVersions(desired, actual, runningVersions);
            }
            if (found == 0) {
                throw new DeployException("Nothing to adopt: no service of the catalogue runs in the Swarm of " + environment.name()
                        + ", with or without the console's labels. Install it instead.");
            }
            if (asItRuns) {
                adopted = recordWhatRuns(run, adopted, differences);
                adopted = pinVersions(run, adopted, runningVersions);
            }
            environments.save(adopted, Edit.of(RevisionCause.ADOPTION, run.startedBy()).job(run.jobId()));
            records.markDatabaseAdopted(environmentId, run.jobId());
            run.system("Recorded; from now on INIT_DB is refused on " + environment.name() + ": its database holds the platform's data.");
            return 0;
        });
    }

    /** Logs what will be adopted and what left alone; the number of catalogue services running, adopted or not. */
    private static int report(NodeRun run, DesiredCluster desired, ActualCluster actual) {
        List<String> adopting = new ArrayList<>();
        for (ServiceSpec spec : desired.services()) {
            ActualService service = actual.unlabelled().get(spec.name());
            if (service != null) {
                var mode = service.spec().getMode();
                String replicas = mode.getGlobal() != null ? "global" : mode.getReplicated().getReplicas() + " replicas";
                adopting.add(spec.name() + " " + service.imageTag() + " (" + replicas + ")");
            }
        }
        long managed = desired.services().stream().filter(s -> actual.services().containsKey(s.name())).count();
        run.system(desired.group() + ": " + adopting.size() + " service(s) to adopt" + (adopting.isEmpty() ? "" : ": "
                + String.join(", ", adopting)) + (managed > 0 ? "; " + managed + " already the console's" : ""));
        List<String> alone = Planner.leftAlone(desired, actual);
        if (!alone.isEmpty()) {
            run.system(desired.group() + ": left alone (not the console's, never removed unless named): " + String.join(", ", alone));
        }
        return adopting.size() + (int) managed;
    }

    /** The network and the database's place as they run, recorded so that every later apply keeps them. */
    private static Environment keptInPlace(NodeRun run, Environment environment, Cluster cluster, DockerClient docker,
                                           ActualCluster actual) {
        RunningPlacement placement = RunningPlacement.of(cluster, docker, actual);
        placement.describe(cluster.group()).ifPresent(run::system);
        return placement.keptIn(environment, cluster.group());
    }

    /**
     * Version variable → the tags the services it feeds run, for services that run without the console from the image
     * repository the console would use (another repository's tag is no version of this one).
     */
    private static void collectVersions(DesiredCluster desired, ActualCluster actual, Map<String, Set<String>> versions) {
        for (ServiceSpec spec : desired.services()) {
            ActualService running = actual.unlabelled().get(spec.name());
            if (running != null && running.runsFromRepositoryOf(spec.image())) {
                versions.computeIfAbsent(VariableCatalogue.versionVariable(spec.component().imageComponent()), v -> new TreeSet<>())
                        .add(running.imageTag());
            }
        }
    }

    /**
     * Every version that runs, written down where each cluster reads it, also when it is the console's default: an adopted
     * platform then keeps running what it ran when a later console ships other default versions.
     */
    private static Environment pinVersions(NodeRun run, Environment environment, Map<String, Set<String>> running) {
        Map<String, String> versions = new TreeMap<>();
        running.forEach((variable, tags) -> {
            if (tags.size() == 1) {
                versions.put(variable, tags.iterator().next());
            } else {
                run.stderr(variable + ": its services run " + String.join(" and ", tags) + "; recorded as the settings say, the"
                        + " next install makes them one");
            }
        });
        run.system("recorded the versions that run: " + versions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        return DeploySupport.withVersions(environment, versions);
    }

    private Environment recordWhatRuns(NodeRun run, Environment environment, List<Difference> differences) {
        DesiredState desired = desiredStates.forPlan(environment);
        DriftAcceptance.Outcome outcome = DriftAcceptance.of(environment, desired, differences, variables);
        outcome.recorded().forEach(change -> run.system("recorded " + change.scope() + " " + change.variable() + ": "
                + change.before() + " → " + change.after()));
        return outcome.environment();
    }
}
