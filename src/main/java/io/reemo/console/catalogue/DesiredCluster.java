package io.reemo.console.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Swarm state one cluster (inventory group) should have.
 *
 * @param managerOrder node names in inventory order: the first initialises the Swarm, the others join as managers
 * @param nodeLabels   labels the console sets on Swarm nodes, by Swarm node hostname (the MySQL data node)
 * @param updateMonitor how long Swarm watches each updated task before the next ({@code SWARM_UPDATE_MONITOR})
 */
public record DesiredCluster(String group, List<String> managerOrder, String network, String endpointMode,
                             Map<String, Map<String, String>> nodeLabels, List<SwarmObject> objects,
                             List<ServiceSpec> services, Duration updateMonitor) {

    public DesiredCluster {
        managerOrder = List.copyOf(managerOrder);
        nodeLabels = Map.copyOf(nodeLabels);
        objects = List.copyOf(objects);
        services = List.copyOf(services);
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
