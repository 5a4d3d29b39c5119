package io.reemo.console.admin.dashboard;

import io.reemo.console.admin.dashboard.DashboardSnapshots.Snapshot;
import io.reemo.console.catalogue.Component;
import io.reemo.console.deploy.DeploymentRecords.VersionChange;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.health.ClusterState;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobNotFoundException;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.Jobs;
import io.reemo.console.swarm.SwarmStatus.NodeStatus;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import io.reemo.console.swarm.SwarmStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns a snapshot of the nodes, plus what the console recorded, into what the dashboard and the list show. */
@org.springframework.stereotype.Component
class DashboardViews {

    static final String ONE_SHOT_NOTE = "one-shot job: scaled to 0 except while a database update runs";

    private final DeploymentRecords records;
    private final Jobs jobs;
    private final VariableCatalogue variables;

    DashboardViews(DeploymentRecords records, Jobs jobs, VariableCatalogue variables) {
        this.records = records;
        this.jobs = jobs;
        this.variables = variables;
    }

    List<ClusterPanel> clusters(Environment environment, Snapshot snapshot) {
        List<VersionChange> changes = records.versionChanges(environment.id());
        Map<Long, String> results = new HashMap<>();
        List<ClusterPanel> panels = new ArrayList<>();
        for (ClusterState state : snapshot.clusters()) {
            Cluster cluster = environment.cluster(state.group()).orElse(null);
            if (cluster == null) {
                continue;  // removed from the environment since the snapshot was taken
            }
            EffectiveVariables vars = variables.effective(environment, cluster);
            List<ServiceRow> services = state.swarm() == null ? List.of()
                    : state.swarm().services().stream().map(service -> service(service, vars, changes, results)).toList();
            panels.add(new ClusterPanel(state.group(), state.readThrough(), state.problem(), nodes(cluster, state), services));
        }
        return panels;
    }

    private List<NodeRow> nodes(Cluster cluster, ClusterState state) {
        List<NodeRow> rows = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            Optional<NodeStatus> swarm = state.swarm() == null ? Optional.empty() : find(state.swarm(), node);
            String unreachable = state.unreachable().get(node.name());
            if (unreachable != null) {
                rows.add(new NodeRow(node.name(), node.address(), "unreachable: " + unreachable, Level.ERROR, swarm.orElse(null), node.facts()));
            } else if (swarm.isPresent()) {
                boolean ready = swarm.get().state().equals("ready");
                boolean managerLost = swarm.get().reachability().equals("unreachable");
                rows.add(new NodeRow(node.name(), node.address(),
                        ready && !managerLost ? "reachable" : "the Swarm reports it " + (managerLost ? "unreachable" : swarm.get().state()),
                        ready && !managerLost ? Level.OK : Level.ERROR, swarm.get(), node.facts()));
            } else if (state.swarm() != null) {
                rows.add(new NodeRow(node.name(), node.address(), "not in this Swarm", Level.WARN, null, node.facts()));
            } else {
                rows.add(new NodeRow(node.name(), node.address(), node.name().equals(state.readThrough()) ? "reachable, no Swarm"
                        : "not checked: the Swarm could not be read", Level.WARN, null, node.facts()));
            }
        }
        return rows;
    }

    /** The Swarm knows a node by its address and hostname; the inventory by its name and ansible_host. */
    private static Optional<NodeStatus> find(SwarmStatus swarm, Node node) {
        String hostname = node.facts() == null ? node.name() : node.facts().hostname();
        return swarm.nodes().stream().filter(n -> node.address().equals(n.address())).findFirst()
                .or(() -> swarm.nodes().stream().filter(n -> n.hostname().equals(hostname) || n.hostname().equals(node.name())).findFirst());
    }

    private ServiceRow service(ServiceStatus service, EffectiveVariables vars, List<VersionChange> changes, Map<Long, String> results) {
        Optional<Component> component = component(service.name());
        String recorded = component.map(c -> vars.version(c.imageComponent())).orElse(null);
        VersionChange last = component.flatMap(c -> changes.stream()
                .filter(change -> change.variable().equals(VariableCatalogue.versionVariable(c.imageComponent()))).findFirst()).orElse(null);
        String result = last == null ? "" : results.computeIfAbsent(last.jobId(), this::jobResult);
        boolean oneShot = component.filter(c -> c == Component.DB).isPresent();
        Level level = oneShot || service.running() >= service.desired() ? Level.OK : Level.ERROR;
        if (service.updateState().contains("rollback") || service.updateState().contains("paused")) {
            level = Level.worst(level, Level.WARN);
        }
        ServiceRow row = new ServiceRow(service, recorded, last, result, level, oneShot ? ONE_SHOT_NOTE : "");
        return row.differsFromRecorded() ? new ServiceRow(service, recorded, last, result, Level.worst(level, Level.WARN), row.note()) : row;
    }

    /** Per image component, what its services run across the environment's clusters, in component order. */
    List<RunningVersion> runningVersions(Environment environment, Snapshot snapshot) {
        Map<String, Set<String>> running = new TreeMap<>();
        Map<String, String> recorded = new HashMap<>();
        for (ClusterPanel cluster : clusters(environment, snapshot)) {
            for (ServiceRow service : cluster.services()) {
                component(service.swarm().name()).ifPresent(c -> {
                    running.computeIfAbsent(c.imageComponent(), key -> new TreeSet<>()).addAll(service.runningVersions());
                    recorded.put(c.imageComponent(), service.recordedVersion());
                });
            }
        }
        return running.entrySet().stream().map(e -> new RunningVersion(e.getKey(), List.copyOf(e.getValue()), recorded.get(e.getKey())))
                .toList();
    }

    /** @param at when the job was started, in UTC */
    record LastDeploy(Job job, String at) {
    }

    /** The last install and the last update of the environment, those that exist: what put the services there. */
    List<LastDeploy> lastDeploys(long environmentId) {
        List<LastDeploy> last = new ArrayList<>();
        for (String type : List.of("install", "update")) {
            jobs.history(new JobQuery(environmentId, null, type, 1)).forEach(job -> last.add(new LastDeploy(job, When.utc(job.createdAt()))));
        }
        return last;
    }

    private String jobResult(long jobId) {
        try {
            return jobs.get(jobId).status().value();
        } catch (JobNotFoundException e) {
            return "job deleted";
        }
    }

    /** The catalogue's component of a Swarm service; signals carry their number ({@code reemo_signal2}). */
    static Optional<Component> component(String service) {
        return Arrays.stream(Component.values())
                .filter(c -> service.equals(c.serviceName()) || c == Component.SIGNAL && service.matches(c.serviceName() + "\\d+"))
                .findFirst();
    }

    Glance glance(Environment environment, Optional<Snapshot> snapshot) {
        if (snapshot.isEmpty()) {
            return new Glance(Level.WARN, "reading the nodes…", null);
        }
        List<String> wrong = new ArrayList<>();
        Level level = Level.OK;
        int services = 0;
        for (ClusterPanel cluster : clusters(environment, snapshot.get())) {
            if (cluster.problem() != null) {
                wrong.add(cluster.group() + ": " + cluster.problem());
                level = Level.worst(level, cluster.beforeInstall() ? Level.WARN : Level.ERROR);
            }
            for (NodeRow node : cluster.nodes()) {
                if (node.level() != Level.OK) {
                    wrong.add(node.name() + " " + node.reachability());
                    level = Level.worst(level, node.level());
                }
            }
            for (ServiceRow service : cluster.services()) {
                services++;
                if (service.level() == Level.ERROR) {
                    wrong.add(service.swarm().name() + " " + service.replicas());
                    level = Level.ERROR;
                }
                if (service.differsFromRecorded()) {
                    wrong.add(service.mismatch());
                    level = Level.worst(level, Level.WARN);
                }
            }
        }
        for (PortalHealth.Check check : snapshot.get().health()) {
            if (check.problem() != null || check.tree() == null || check.tree().anyFailing()) {
                wrong.add("healthcheck of " + check.portal() + " failing");
                level = Level.ERROR;
            }
        }
        String summary = wrong.isEmpty() ? "all " + services + " services running" : String.join("; ", wrong);
        return new Glance(level, summary, snapshot.get().takenAt());
    }
}
