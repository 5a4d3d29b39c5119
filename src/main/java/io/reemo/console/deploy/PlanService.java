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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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

    /** @param notes what the plan could not see, e.g. a Swarm not formed yet */
    public record Plan(List<Change> changes, List<String> notes) {
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

    private Plan plan(Environment environment, Predicate<ServiceSpec> scope, boolean full, boolean unreadableAsNote) {
        DesiredState desired = desiredStates.forPlan(environment);
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (DesiredCluster cluster : desired.clusters()) {
            Cluster model = environment.cluster(cluster.group()).orElseThrow();
            if (model.nodes().isEmpty()) {
                notes.add(cluster.group() + " has no nodes yet");
                continue;
            }
            try {
                changes.addAll(Planner.plan(cluster, actual(model, notes), scope, full));
            } catch (SshException e) {
                if (!unreadableAsNote) {
                    throw e;
                }
                notes.add(cluster.group() + ": its Swarm could not be read (" + e.getMessage() + "), so its changes are not shown");
            }
        }
        return new Plan(changes, notes);
    }

    private ActualCluster actual(Cluster cluster, List<String> notes) {
        var node = cluster.nodes().get(0);
        try (NodeSession session = sessions.open(node)) {
            if (!SwarmReader.active(session.docker())) {
                notes.add(cluster.group() + ": no Swarm on " + node.name() + " yet; the install forms it");
                return ActualCluster.empty();
            }
            return SwarmReader.read(session.docker());
        }
    }
}
