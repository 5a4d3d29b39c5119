package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Config;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.SwarmNode;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads what one Swarm holds now, through any of its managers. */
public final class SwarmReader {

    private SwarmReader() {
    }

    public static ActualCluster read(DockerClient docker) {
        Map<String, String> networkNames = docker.listNetworksCmd().exec().stream()
                .collect(Collectors.toMap(Network::getId, Network::getName));
        Map<String, ActualService> services = managedServices(docker).stream()
                .collect(Collectors.toMap(s -> s.getSpec().getName(), s -> actual(s, networkNames)));
        return new ActualCluster(services,
                docker.listSecretsCmd().exec().stream().map(Secret::getSpec).map(s -> s.getName()).collect(Collectors.toSet()),
                docker.listConfigsCmd().exec().stream().map(Config::getSpec).map(s -> s.getName()).collect(Collectors.toSet()),
                // Names, not a Set.copyOf: Docker allows a local and a swarm network of the same name.
                networkNames.values().stream().collect(Collectors.toSet()), nodeLabels(docker));
    }

    /**
     * What {@code read} returns, or empty when the node forms no Swarm yet. Whether it does is asked only when the read
     * fails (a node outside a Swarm refuses Swarm calls), so that a read costs no extra call.
     */
    public static <T> Optional<T> ifFormed(DockerClient docker, Function<DockerClient, T> read) {
        try {
            return Optional.of(read.apply(docker));
        } catch (RuntimeException e) {
            if (active(docker)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Whether the node is in a Swarm. */
    public static boolean active(DockerClient docker) {
        var swarm = docker.infoCmd().exec().getSwarm();
        return swarm != null && swarm.getLocalNodeState() == LocalNodeState.ACTIVE;
    }

    public static List<Service> managedServices(DockerClient docker) {
        return docker.listServicesCmd().withLabelFilter(Map.of(DockerServiceSpecs.MANAGED_LABEL, "true")).exec();
    }

    public static Optional<Service> service(DockerClient docker, String name) {
        return docker.listServicesCmd().withNameFilter(List.of(name)).exec().stream()
                .filter(s -> s.getSpec().getName().equals(name)).findFirst();
    }

    /** Swarm stores the networks a service is attached to by ID; the comparison reads names, as the console writes. */
    private static ActualService actual(Service service, Map<String, String> networkNames) {
        List<NetworkAttachmentConfig> networks = Optional.ofNullable(service.getSpec().getTaskTemplate().getNetworks()).orElse(List.of());
        return new ActualService(service.getId(), service.getSpec(),
                networks.stream().map(n -> networkNames.getOrDefault(n.getTarget(), n.getTarget())).toList());
    }

    /** Labels by Swarm node hostname. */
    private static Map<String, Map<String, String>> nodeLabels(DockerClient docker) {
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (SwarmNode node : docker.listSwarmNodesCmd().exec()) {
            Map<String, String> l = node.getSpec().getLabels();
            labels.put(node.getDescription().getHostname(), l == null ? Map.of() : l);
        }
        return labels;
    }
}
