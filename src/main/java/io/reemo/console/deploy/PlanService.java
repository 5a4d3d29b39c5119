package io.reemo.console.deploy;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.node.SshException;
import io.reemo.console.swarm.ActualCluster;
import io.reemo.console.swarm.Change;
import io.reemo.console.swarm.Planner;
import io.reemo.console.swarm.SwarmReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What an install, a full update or a tagged update would change now: the catalogue's desired state against each
 * cluster's Swarm, read through its first node. Read-only; the same planner the apply step uses.
 */
@Service
public class PlanService {

    private final Environments environments;
    private final DesiredStates desiredStates;
    private final NodeSessions sessions;

    PlanService(Environments environments, DesiredStates desiredStates, NodeSessions sessions) {
        this.environments = environments;
        this.desiredStates = desiredStates;
        this.sessions = sessions;
    }

    /**
     * @param notes     what the plan could not see, e.g. a Swarm not formed yet
     * @param leftAlone per cluster, what its Swarm holds that the console did not create and would not adopt, as
     *                  {@code service x}, {@code network x}, {@code secret x} or {@code config x}: never removed unless
     *                  an adoption names it
     * @param running   the image tag each service to adopt runs now, by service name
     */
    public record Plan(List<Change> changes, List<String> notes, Map<String, List<String>> leftAlone, Map<String, String> running) {

        public Plan {
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
            leftAlone = Map.copyOf(leftAlone);
            running = Map.copyOf(running);
        }

        /** The services a Swarm runs without the console that this plan would adopt. */
        public List<Change> adoptions() {
            return changes.stream().filter(c -> c.kind() == Change.Kind.ADOPT_SERVICE).toList();
        }

        /** What the review says of a Swarm that already runs Reemo Infra without the console; empty when none does. */
        public Optional<Adoption> adoption() {
            List<Change> adoptions = adoptions();
            if (adoptions.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> byComponent = new LinkedHashMap<>();
            // The two versions an operator knows the platform by come first, as the vendor's release notes name them.
            List.of("reemo_api", "reemo_portal").forEach(name -> adoptions.stream().filter(c -> c.target().equals(name))
                    .forEach(c -> byComponent.put(component(name), running.get(name))));
            adoptions.forEach(c -> byComponent.putIfAbsent(component(c.target()), running.get(c.target())));
            String versions = byComponent.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return Optional.of(new Adoption(versions, adoptions.size(), adoptions.stream().mapToInt(c -> c.fields().size()).sum()));
        }

        /** {@code reemo_signal2} → {@code signal}: the component, as the vendor names its versions. */
        private static String component(String service) {
            return service.replaceFirst("^reemo_", "").replaceFirst("\\d+$", "");
        }
    }

    /**
     * A platform that runs without the console, as the review page sums it up.
     *
     * @param versions what runs, by component: {@code api 2.13.10, portal 2.13.11}
     * @param services how many services would be adopted
     * @param fields   how many of their fields converging would change
     */
    public record Adoption(String versions, int services, int fields) {
    }

    public Plan plan(long environmentId) {
        return plan(environments.get(environmentId));
    }

    /**
     * The plan of an environment that may differ from the stored one (the wizard's draft, the Settings' edits):
     * what applying it would change on its clusters now. A cluster whose Swarm cannot be read is said in the notes.
     */
    public Plan plan(Environment environment) {
        return plan(environment, service -> true, true, true);
    }

    /**
     * What a tagged update would change: the {@code DOCKER_VERSION_*} values set in all.vars as the update job
     * sets them, then only the services those tags select; nothing is removed, nothing is saved. A Swarm that
     * cannot be read is an error here: an update is not confirmed without knowing what runs.
     *
     * @param versions version variable → version, e.g. {@code DOCKER_VERSION_API → 2.14.0}
     */
    public Plan updatePlan(long environmentId, List<String> tags, Map<String, String> versions) {
        return plan(DeploySupport.withVersions(environments.get(environmentId), versions), service -> ServiceCatalogue.selectedByTags(service, tags), false, false);
    }

    /**
     * Each cluster's Swarm is read first: where it runs the platform without the console, the plan keeps its network
     * and its database where they are, as the adoption will record them ({@link RunningPlacement}).
     */
    private Plan plan(Environment environment, Predicate<ServiceSpec> scope, boolean full, boolean unreadableAsNote) {
        List<String> notes = new ArrayList<>();
        Map<String, ActualCluster> actuals = new LinkedHashMap<>();
        Environment planned = environment;
        for (Cluster cluster : environment.clusters()) {
            if (cluster.nodes().isEmpty()) {
                notes.add(cluster.group() + " has no nodes yet");
                continue;
            }
            try (NodeSession session = sessions.open(cluster.nodes().get(0))) {
                ActualCluster actual = actual(cluster, session, notes);
                actuals.put(cluster.group(), actual);
                planned = keepRunningPlacement(planned, cluster, session, actual, notes);
            } catch (SshException e) {
                if (!unreadableAsNote) {
                    throw e;
                }
                notes.add(cluster.group() + ": its Swarm could not be read (" + e.getMessage() + "), so its changes are not shown");
            }
        }
        List<Change> changes = new ArrayList<>();
        Map<String, List<String>> leftAlone = new LinkedHashMap<>();
        Map<String, String> running = new LinkedHashMap<>();
        for (DesiredCluster cluster : desiredStates.forPlan(planned).clusters()) {
            ActualCluster actual = actuals.get(cluster.group());
            if (actual != null) {
                List<Change> clusterChanges = Planner.plan(cluster, actual, scope, full);
                clusterChanges.stream().filter(c -> c.kind() == Change.Kind.ADOPT_SERVICE)
                        .forEach(c -> running.put(c.target(), actual.unlabelled().get(c.target()).imageTag()));
                changes.addAll(clusterChanges);
                List<String> alone = Planner.leftAlone(cluster, actual);
                if (!alone.isEmpty()) {
                    leftAlone.put(cluster.group(), alone);
                }
            }
        }
        return new Plan(changes, notes, leftAlone, running);
    }

    private static Environment keepRunningPlacement(Environment environment, Cluster cluster, NodeSession session,
                                                    ActualCluster actual, List<String> notes) {
        if (actual.unlabelled().isEmpty()) {
            return environment;
        }
        try {
            return RunningPlacement.of(cluster, session.docker(), actual).keptIn(environment, cluster.group());
        } catch (DeployException e) {
            notes.add(e.getMessage());
            return environment;
        }
    }

    private static ActualCluster actual(Cluster cluster, NodeSession session, List<String> notes) {
        if (!SwarmReader.active(session.docker())) {
            notes.add(cluster.group() + ": no Swarm on " + cluster.nodes().get(0).name() + " yet; the install forms it");
            return ActualCluster.empty();
        }
        return SwarmReader.read(session.docker());
    }
}
