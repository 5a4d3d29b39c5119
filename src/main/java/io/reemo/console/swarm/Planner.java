package io.reemo.console.swarm;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.SwarmObject;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Desired vs actual → the list of changes; empty when nothing differs. Pure: the apply step and the plan
 * page use the same answer.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param scope which desired services this plan may touch (all for a full update, the tagged ones for a
     *              tagged update); services outside the scope are left as they are, and nothing is removed
     */
    public static List<Change> plan(DesiredCluster desired, ActualCluster actual, Predicate<ServiceSpec> scope, boolean full) {
        String cluster = desired.group();
        List<Change> changes = new ArrayList<>();
        if (MissingObjects.network(desired, actual)) {
            changes.add(new Change(cluster, Change.Kind.CREATE_NETWORK, desired.network(), List.of(), "overlay network"));
        }
        MissingObjects.labels(desired, actual).forEach(label -> changes.add(new Change(cluster, Change.Kind.LABEL_NODE,
                label.node(), List.of(label.key()), label.key() + "=" + label.value())));
        List<ServiceSpec> inScope = desired.services().stream().filter(scope).toList();
        for (SwarmObject object : MissingObjects.objects(desired, inScope, actual)) {
            boolean secret = object.kind() == SwarmObject.Kind.SECRET;
            changes.add(new Change(cluster, secret ? Change.Kind.CREATE_SECRET : Change.Kind.CREATE_CONFIG,
                    object.name(), List.of(), secret ? "secret" : "config"));
        }
        for (ServiceSpec spec : inScope) {
            ActualService current = actual.services().get(spec.name());
            ActualService foreign = actual.unlabelled().get(spec.name());
            if (current == null && foreign != null) {
                changes.add(adoption(desired, spec, foreign));
            } else if (current == null) {
                changes.add(new Change(cluster, Change.Kind.CREATE_SERVICE, spec.name(), List.of(), imageTag(spec.image())));
            } else {
                serviceUpdate(desired, spec, current).ifPresent(changes::add);
            }
        }
        if (full) {
            actual.services().keySet().stream()
                    .filter(name -> desired.service(name).isEmpty()).sorted()
                    .forEach(name -> changes.add(new Change(cluster, Change.Kind.REMOVE_SERVICE, name, List.of(), "no longer in the catalogue")));
        }
        return changes;
    }

    /**
     * What runs in the Swarm that the console neither manages nor would adopt: services outside the catalogue, and the
     * networks (but the one its services use), secrets and configs it did not create. Never removed unless the operator
     * names them.
     */
    public static List<String> leftAlone(DesiredCluster desired, ActualCluster actual) {
        List<String> alone = new ArrayList<>();
        actual.unlabelled().keySet().stream().filter(name -> desired.service(name).isEmpty()).sorted()
                .forEach(name -> alone.add("service " + name));
        actual.others().stream().filter(other -> !other.equals("network " + desired.network())).forEach(alone::add);
        return alone;
    }

    /** A service the catalogue names that runs without the console's labels: taken over in place, never created again. */
    private static Change adoption(DesiredCluster desired, ServiceSpec spec, ActualService foreign) {
        List<ServiceComparison.Difference> differences = ServiceComparison.compare(spec, desired, foreign).stream()
                .filter(d -> !d.field().equals(ServiceComparison.LABELS)).toList();
        String detail = differences.isEmpty() ? "runs as the console would run it"
                : differences.stream().map(ServiceComparison.Difference::toString).collect(Collectors.joining("; "));
        return new Change(desired.group(), Change.Kind.ADOPT_SERVICE, spec.name(),
                differences.stream().map(ServiceComparison.Difference::field).toList(), detail);
    }

    private static Optional<Change> serviceUpdate(DesiredCluster desired, ServiceSpec spec, ActualService current) {
        List<ServiceComparison.Difference> differences = ServiceComparison.compare(spec, desired, current);
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change(desired.group(), Change.Kind.UPDATE_SERVICE, spec.name(),
                differences.stream().map(ServiceComparison.Difference::field).toList(),
                differences.stream().map(ServiceComparison.Difference::toString).collect(Collectors.joining("; "))));
    }

    /** Swarm pins images by digest ({@code image:tag@sha256:…}); the plan compares what the operator chose. */
    static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    static String imageTag(String image) {
        String plain = withoutDigest(image);
        int colon = plain.lastIndexOf(':');
        return colon < 0 || plain.lastIndexOf('/') > colon ? plain : plain.substring(colon + 1);
    }
}
