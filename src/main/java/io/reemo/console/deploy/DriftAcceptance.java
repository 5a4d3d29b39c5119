package io.reemo.console.deploy;

import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.swarm.Difference;
import io.reemo.console.swarm.Drift;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the settings can say of what runs: a service's image tag is its {@code DOCKER_VERSION_*} variable, its replicas
 * its {@code REPLICAS_*} variable, a cluster's endpoint mode its {@code SWARM_ENDPOINT_MODE}. A value is taken only
 * when every service the variable feeds runs it, so that the recorded configuration then matches what runs; every
 * other difference is left for the next install to restore. Pure: the dashboard shows this before anything is saved.
 */
final class DriftAcceptance {

    static final String ALL_VARS = "all";
    private static final String ENDPOINT_MODE = "SWARM_ENDPOINT_MODE";

    /** @param environment the environment with the accepted values, to be saved as a revision */
    record Outcome(Environment environment, List<DriftService.SettingChange> recorded, List<Difference> restoredByNextInstall) {
    }

    private final Environment environment;
    private final DesiredState desired;
    private final List<Difference> differences;
    private final VariableCatalogue variables;
    private Environment accepted;
    private final Set<Difference> covered = new HashSet<>();
    private final List<DriftService.SettingChange> recorded = new ArrayList<>();

    private DriftAcceptance(Environment environment, DesiredState desired, List<Difference> differences, VariableCatalogue variables) {
        this.environment = environment;
        this.desired = desired;
        this.differences = differences;
        this.variables = variables;
        this.accepted = environment;
    }

    static Outcome of(Environment environment, DesiredState desired, List<Difference> differences, VariableCatalogue variables) {
        return new DriftAcceptance(environment, desired, differences, variables).settle();
    }

    private Outcome settle() {
        differences.stream().filter(d -> d.field().equals("image")).map(this::versionVariable).distinct().forEach(this::acceptVersion);
        differences.stream().filter(d -> d.field().equals("replicas")).forEach(this::acceptReplicas);
        desired.clusters().forEach(this::acceptEndpointMode);
        return new Outcome(accepted, recorded, differences.stream().filter(d -> !covered.contains(d)).toList());
    }

    /**
     * One value for every service of the component, in every cluster, set where each of those clusters reads it (all.vars
     * unless a group overrides it).
     */
    private void acceptVersion(String variable) {
        Set<String> running = new HashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        List<Difference> mine = new ArrayList<>();
        String before = null;
        for (DesiredCluster cluster : desired.clusters()) {
            for (ServiceSpec service : cluster.services()) {
                if (!variable.equals(versionVariable(service)) || absent(cluster, service)) {
                    continue;
                }
                groups.add(cluster.group());
                before = version(cluster, service);
                Difference image = find(cluster, service, "image");
                // The comparison names only the tag when the repository is the same; another repository is no version.
                running.add(image == null ? before : image.running().contains("/") ? "" : image.running());
                if (image != null) {
                    mine.add(image);
                }
            }
        }
        if (running.size() == 1 && !running.contains("") && !mine.isEmpty()) {
            String tag = running.iterator().next();
            Set<String> scopes = new LinkedHashSet<>();
            for (String group : groups) {
                String source = accepted.variableSource(group, variable);
                scopes.add(source == null ? ALL_VARS : source);
                accepted = accepted.withVariableIn(source, variable, tag);
            }
            for (String scope : scopes) {
                record(scope, variable, before, tag, mine);
            }
        }
    }

    private void acceptReplicas(Difference replicas) {
        DesiredCluster cluster = cluster(replicas);
        Component component = cluster.service(replicas.object()).map(ServiceSpec::component).orElse(null);
        // Signals are one per node by design; the others' replicas are fixed by the catalogue when no variable exists.
        if (component == null || component == Component.SIGNAL || !replicas.running().matches("\\d+")) {
            return;
        }
        String variable = "REPLICAS_" + component.name();
        if (variables.find(variable).isPresent()) {
            accepted = accepted.withVariableIn(cluster.group(), variable, Integer.parseInt(replicas.running()));
            record(cluster.group(), variable, replicas.recorded(), replicas.running(), List.of(replicas));
        }
    }

    /** One mode per cluster: taken when every service of the cluster runs the same one. */
    private void acceptEndpointMode(DesiredCluster cluster) {
        Predicate<Difference> endpoint = d -> d.cluster().equals(cluster.group()) && d.field().equals("endpoint mode");
        List<Difference> mine = differences.stream().filter(endpoint).toList();
        if (mine.isEmpty()) {
            return;
        }
        Set<String> modes = new HashSet<>();
        for (ServiceSpec service : cluster.services()) {
            if (!absent(cluster, service)) {
                Difference mode = find(cluster, service, "endpoint mode");
                modes.add(mode == null ? cluster.endpointMode() : mode.running());
            }
        }
        String mode = modes.size() == 1 ? modes.iterator().next() : null;
        if (mode != null && variables.find(ENDPOINT_MODE).map(v -> v.allowedValues().contains(mode)).orElse(false)) {
            accepted = accepted.withVariableIn(cluster.group(), ENDPOINT_MODE, mode);
            record(cluster.group(), ENDPOINT_MODE, cluster.endpointMode(), mode, mine);
        }
    }

    private void record(String scope, String variable, String before, String after, List<Difference> covering) {
        recorded.add(new DriftService.SettingChange(scope, variable, before, after));
        covered.addAll(covering);
    }

    private String versionVariable(Difference image) {
        return cluster(image).service(image.object()).map(DriftAcceptance::versionVariable).orElse("");
    }

    private static String versionVariable(ServiceSpec service) {
        return VariableCatalogue.versionVariable(service.component().imageComponent());
    }

    private String version(DesiredCluster cluster, ServiceSpec service) {
        Cluster model = environment.cluster(cluster.group()).orElseThrow();
        return variables.effective(environment, model).version(service.component().imageComponent());
    }

    private boolean absent(DesiredCluster cluster, ServiceSpec service) {
        Difference missing = find(cluster, service, Drift.SERVICE);
        return missing != null && missing.running().equals(Difference.ABSENT);
    }

    private Difference find(DesiredCluster cluster, ServiceSpec service, String field) {
        return differences.stream().filter(d -> d.cluster().equals(cluster.group()) && d.object().equals(service.name())
                && d.field().equals(field)).findFirst().orElse(null);
    }

    private DesiredCluster cluster(Difference difference) {
        return desired.clusters().stream().filter(c -> Objects.equals(c.group(), difference.cluster())).findFirst().orElseThrow();
    }
}
