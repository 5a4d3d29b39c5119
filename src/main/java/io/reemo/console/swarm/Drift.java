package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.SwarmObject;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Swarm runs, compared with what the console recorded for it: every field of every service the console sets
 * (the planner's own {@link ServiceComparison}), services missing or no longer in the catalogue, and the network,
 * node labels, secrets and configs the services need. Empty when the Swarm runs what was recorded.
 */
public final class Drift {

    /** The field of a service that runs without being recorded, or is recorded and does not run. */
    public static final String SERVICE = "service";

    private Drift() {
    }

    /** Reads the Swarm through {@code docker}, any of its managers. */
    public static List<Difference> read(DesiredCluster desired, DockerClient docker) {
        return SwarmReader.ifFormed(docker, SwarmReader::read).map(actual -> of(desired, actual))
                .orElseGet(() -> List.of(notFormed(desired.group())));
    }

    /** A cluster whose nodes form no Swarm (yet): the one difference, rather than every object it would hold. */
    public static Difference notFormed(String cluster) {
        return new Difference(cluster, cluster, "swarm", "formed", "none");
    }

    public static List<Difference> of(DesiredCluster desired, ActualCluster actual) {
        String cluster = desired.group();
        List<Difference> differences = new ArrayList<>();
        if (MissingObjects.network(desired, actual)) {
            differences.add(new Difference(cluster, desired.network(), "network", Difference.PRESENT, Difference.ABSENT));
        }
        MissingObjects.labels(desired, actual).forEach(label -> differences.add(new Difference(cluster, label.node(),
                "label " + label.key(), label.value(), label.current() == null ? Difference.ABSENT : label.current())));
        for (SwarmObject object : MissingObjects.objects(desired, desired.services(), actual)) {
            differences.add(new Difference(cluster, object.name(), object.kind() == SwarmObject.Kind.SECRET ? "secret" : "config",
                    Difference.PRESENT, Difference.ABSENT));
        }
        for (ServiceSpec spec : desired.services()) {
            ActualService running = actual.services().get(spec.name());
            if (running == null) {
                differences.add(new Difference(cluster, spec.name(), SERVICE, Difference.PRESENT,
                        actual.unlabelled().containsKey(spec.name()) ? Difference.UNADOPTED : Difference.ABSENT));
                continue;
            }
            ServiceComparison.compare(spec, desired, running).forEach(d ->
                    differences.add(new Difference(cluster, spec.name(), d.field(), d.recorded(), d.running())));
        }
        actual.services().keySet().stream().filter(name -> desired.service(name).isEmpty()).sorted().forEach(name ->
                differences.add(new Difference(cluster, name, SERVICE, Difference.ABSENT, Difference.PRESENT)));
        return differences;
    }
}
