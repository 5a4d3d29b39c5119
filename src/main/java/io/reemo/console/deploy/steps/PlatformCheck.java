package io.reemo.console.deploy.steps;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.Route;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.health.HealthItem;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.PortalProbe;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.SwarmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Proof that the platform serves, as a step run on every node at once: through each node, each of its cluster's
 * Traefik routes (the portal URLs, the signals' entry point, an API cluster's catch-all) must answer as what it
 * serves should, and the healthcheck tree, when enabled, must be all OK; through the first node of each cluster,
 * every desired service must run at its image with all its tasks healthy. Every check is one line of the log
 * (failures on stderr); a node with a failed check fails the step, its message naming the URLs and what came back.
 * The whole {@code verify} job, and the last step of install, update and maintenance.
 */
@Component
public class PlatformCheck {

    private final JobSessions sessions;
    private final DesiredStates desiredStates;
    private final ServiceCatalogue catalogue;
    private final VariableCatalogue variables;
    private final DeploymentRecords records;
    private final PortalProbe probe;
    private final PortalHealth health;

    PlatformCheck(JobSessions sessions, DesiredStates desiredStates, ServiceCatalogue catalogue, VariableCatalogue variables,
                  DeploymentRecords records, PortalProbe probe, PortalHealth health) {
        this.sessions = sessions;
        this.desiredStates = desiredStates;
        this.catalogue = catalogue;
        this.variables = variables;
        this.records = records;
        this.probe = probe;
        this.health = health;
    }

    /** The step on the environment's nodes as they are now; each node's run reads the environment as it is then. */
    public Step step(Supplier<Environment> environment) {
        return JobSessions.perNode(VerifyParameters.STEP, environment.get().nodes(),
                (run, node) -> check(run, environment.get(), node.name(), true));
    }

    /**
     * Only that the platform answers, through every node: the routes and the healthcheck, not the services against the
     * console's records. For a platform the console does not manage yet (before an adoption).
     */
    public Step answering(String name, Supplier<Environment> environment) {
        return JobSessions.perNode(name, environment.get().nodes(),
                (run, node) -> check(run, environment.get(), node.name(), false));
    }

    private int check(NodeRun run, Environment environment, String nodeName, boolean services) {
        Cluster cluster = environment.clusterOf(nodeName).orElseThrow(() ->
                new DeployException(nodeName + " is no longer a node of " + environment.name()));
        Node node = environment.node(nodeName).orElseThrow();
        List<CheckLine> lines = new ArrayList<>();
        if (services && cluster.nodes().get(0).name().equals(nodeName)) {
            lines.addAll(services(run, environment, cluster, node));
        }
        lines.addAll(routes(environment, cluster, node));
        health.through(environment, cluster, node).ifPresent(check -> lines.add(healthcheck(check, node)));
        List<String> failures = new ArrayList<>();
        for (CheckLine line : lines) {
            if (line.passed()) {
                run.system(line.text());
            } else {
                run.stderr(line.text());
                failures.add(line.text());
            }
        }
        if (!failures.isEmpty()) {
            throw new DeployException(failures.size() + " of " + lines.size() + " checks failed: " + String.join("; ", failures));
        }
        run.system("All " + lines.size() + " checks passed on " + nodeName + ".");
        return 0;
    }

    /** Every desired service of the cluster against its Swarm, read through this node. */
    private List<CheckLine> services(NodeRun run, Environment environment, Cluster cluster, Node node) {
        DesiredCluster desired = desiredStates.forPlan(environment).clusters().stream()
                .filter(c -> c.group().equals(cluster.group())).findFirst().orElseThrow();
        try {
            return ServiceChecks.judge(desired, SwarmStatus.read(sessions.docker(run, node)));
        } catch (RuntimeException e) {
            return List.of(CheckLine.fail(cluster.group() + ": the Swarm could not be read through " + node.name() + ": "
                    + e.getMessage()));
        }
    }

    /**
     * Each route asked on this node's address: by its own name, a catch-all by the cluster's portal name (the signals
     * are reached as the portal's name on 8443), or by the node's address where the cluster has no portal (an API
     * cluster, which the portals reach by address). The certificate is checked wherever a name is asked and an
     * authority vouches for it; Traefik's own self-signed one is taken as it is (the requests carry nothing secret).
     */
    private List<CheckLine> routes(Environment environment, Cluster cluster, Node node) {
        List<Route> routes = catalogue.routes(environment, cluster, records.maintenance(environment.id()));
        String clusterName = routes.stream().filter(r -> !r.catchAll()).map(Route::host).findFirst().orElse(node.address());
        boolean authority = variables.effective(environment, cluster).traefikCertMode() != TraefikCertMode.SELF_SIGNED;
        List<CheckLine> lines = new ArrayList<>();
        for (Route route : routes) {
            String host = route.catchAll() ? clusterName : route.host();
            var reply = probe.get(node.address(), host, route.port(), "/", "text/html,*/*", authority && !host.equals(node.address()));
            lines.add(EntryPointChecks.judge(route, node, probe.url(host, route.port(), "/"), reply));
        }
        return lines;
    }

    private CheckLine healthcheck(PortalHealth.Check check, Node node) {
        String where = "healthcheck " + health.url(check.portal()) + " through " + node.name() + " (" + node.address() + ")";
        if (check.tree() == null) {
            return CheckLine.fail(where + ": " + check.problem());
        }
        List<String> failing = check.tree().failures();
        if (!failing.isEmpty()) {
            return CheckLine.fail(where + ": not OK: " + String.join("; ", failing));
        }
        if (check.problem() != null) {
            return CheckLine.fail(where + ": " + check.problem());
        }
        return CheckLine.pass(where + ": every status OK, " + versions(check.tree()));
    }

    /** {@code portal 2.14.4, api 2.15.2, signal 2.6.1}: the versions the tree reports, one level down. */
    private static String versions(HealthItem tree) {
        List<String> versions = new ArrayList<>();
        versions.add("portal " + tree.version());
        tree.children().stream().filter(c -> !c.version().isEmpty()).forEach(c -> versions.add(c.name() + " " + c.version()));
        return String.join(", ", versions);
    }
}
