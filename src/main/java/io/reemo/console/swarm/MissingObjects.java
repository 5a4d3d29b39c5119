package io.reemo.console.swarm;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.SwarmObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the services of a desired cluster need around them that a Swarm lacks: the network, node labels, secrets and
 * configs. The planner makes them, the drift names them: one reading for both.
 */
final class MissingObjects {

    /**
     * A label the console sets on a node that the node does not carry with that value.
     *
     * @param current the value the node carries, {@code null} when none
     */
    record NodeLabel(String node, String key, String value, String current) {
    }

    private MissingObjects() {
    }

    static boolean network(DesiredCluster desired, ActualCluster actual) {
        return !actual.networks().contains(desired.network());
    }

    static List<NodeLabel> labels(DesiredCluster desired, ActualCluster actual) {
        List<NodeLabel> missing = new ArrayList<>();
        desired.nodeLabels().forEach((node, labels) -> {
            Map<String, String> current = actual.nodeLabels().getOrDefault(node, Map.of());
            labels.forEach((key, value) -> {
                if (!value.equals(current.get(key))) {
                    missing.add(new NodeLabel(node, key, value, current.get(key)));
                }
            });
        });
        return missing;
    }

    /** The secrets and configs {@code services} mount that the Swarm does not hold. */
    static List<SwarmObject> objects(DesiredCluster desired, List<ServiceSpec> services, ActualCluster actual) {
        return desired.objects().stream().filter(o -> usedBy(o, services)).filter(o -> !(o.kind() == SwarmObject.Kind.SECRET
                ? actual.secrets().contains(o.name()) : actual.configs().contains(o.name()))).toList();
    }

    private static boolean usedBy(SwarmObject object, List<ServiceSpec> services) {
        return services.stream().anyMatch(s -> s.secrets().stream().anyMatch(m -> m.secretName().equals(object.name()))
                || s.configs().stream().anyMatch(m -> m.configName().equals(object.name())));
    }
}
