package io.reemo.console.swarm;

import java.util.Map;
import java.util.Set;

/**
 * What one Swarm holds now, as far as the plan cares: the services the console manages, and the names of
 * its secrets, configs and networks.
 */
public record ActualCluster(Map<String, ActualService> services, Set<String> secrets, Set<String> configs,
                            Set<String> networks, Map<String, Map<String, String>> nodeLabels) {

    public ActualCluster {
        services = Map.copyOf(services);
        secrets = Set.copyOf(secrets);
        configs = Set.copyOf(configs);
        networks = Set.copyOf(networks);
        nodeLabels = Map.copyOf(nodeLabels);
    }

    public static ActualCluster empty() {
        return new ActualCluster(Map.of(), Set.of(), Set.of(), Set.of(), Map.of());
    }

    /**
     * @param replicas    live replica count, {@code -1} for a global service
     * @param fingerprint the label the console wrote at the last apply ({@link SpecFingerprint}), empty if none
     */
    public record ActualService(String id, String name, String image, int replicas, String fingerprint) {
    }
}
