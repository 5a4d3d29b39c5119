package io.reemo.console.swarm;

import com.github.dockerjava.api.model.ServiceSpec;
import java.util.List;
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
     * @param spec     the service's spec as Swarm returns it ({@link ServiceComparison} reads it)
     * @param networks the networks it is attached to, by name: Swarm's spec holds their IDs
     */
    public record ActualService(String id, ServiceSpec spec, List<String> networks) {

        public ActualService {
            networks = List.copyOf(networks);
        }
    }
}
