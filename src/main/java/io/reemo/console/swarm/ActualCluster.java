package io.reemo.console.swarm;

import com.github.dockerjava.api.model.ServiceSpec;
import io.reemo.console.catalogue.DesiredCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one Swarm holds now, as far as the plan cares: the services the console manages, the names of its secrets,
 * configs and networks, and what runs there without the console's label (a platform installed by other means).
 *
 * @param unlabelled services without the console's label, by name: the plan adopts those the catalogue names
 * @param others     secrets, configs and networks the console did not create, as {@code kind name}
 *                   ({@code secret reemo_mysql_root_password}), Docker's own networks left out
 */
public record ActualCluster(Map<String, ActualService> services, Set<String> secrets, Set<String> configs,
                            Set<String> networks, Map<String, Map<String, String>> nodeLabels,
                            Map<String, ActualService> unlabelled, List<String> others) {

    public ActualCluster {
        services = Map.copyOf(services);
        secrets = Set.copyOf(secrets);
        configs = Set.copyOf(configs);
        networks = Set.copyOf(networks);
        nodeLabels = Map.copyOf(nodeLabels);
        unlabelled = Map.copyOf(unlabelled);
        others = List.copyOf(others);
    }

    /** A Swarm where everything present is the console's. */
    public ActualCluster(Map<String, ActualService> services, Set<String> secrets, Set<String> configs,
                         Set<String> networks, Map<String, Map<String, String>> nodeLabels) {
        this(services, secrets, configs, networks, nodeLabels, Map.of(), List.of());
    }

    /** This Swarm as it will be once the console has adopted the services of {@code desired} it runs without its labels. */
    public ActualCluster adopted(DesiredCluster desired) {
        Map<String, ActualService> all = new HashMap<>();
        Map<String, ActualService> left = new HashMap<>();
        unlabelled.forEach((name, service) -> (desired.service(name).isPresent() ? all : left).put(name, service));
        all.putAll(services);
        return new ActualCluster(all, secrets, configs, networks, nodeLabels, left, others);
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

        /** Whether it runs an image of the same repository as {@code image}, whose tag is then a version of the same thing. */
        public boolean runsFromRepositoryOf(String image) {
            String running = Planner.withoutDigest(spec.getTaskTemplate().getContainerSpec().getImage());
            return ServiceComparison.repository(running).equals(ServiceComparison.repository(Planner.withoutDigest(image)));
        }

        /** The tag of the image it runs, e.g. {@code 2.13.10}. */
        public String imageTag() {
            return Planner.imageTag(spec.getTaskTemplate().getContainerSpec().getImage());
        }
    }
}
