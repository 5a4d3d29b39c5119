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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads what one Swarm holds now, through any of its managers. */
public final class SwarmReader {

    /** Networks every Docker has; nobody installed them. */
    private static final Set<String> DOCKER_NETWORKS = Set.of("bridge", "host", "none", "ingress", "docker_gwbridge");

    private SwarmReader() {
    }

    public static ActualCluster read(DockerClient docker) {
        List<Network> networks = docker.listNetworksCmd().exec();
        Map<String, String> networkNames = networks.stream().collect(Collectors.toMap(Network::getId, Network::getName));
        Map<Boolean, Map<String, ActualService>> services = docker.listServicesCmd().exec().stream()
                .collect(Collectors.partitioningBy(s -> managed(s.getSpec().getLabels()),
                        Collectors.toMap(s -> s.getSpec().getName(), s -> actual(s, networkNames))));
        List<Secret> secrets = docker.listSecretsCmd().exec();
        List<Config> configs = docker.listConfigsCmd().exec();
        List<String> others = new ArrayList<>();
        networks.stream().filter(n -> !managed(n.getLabels()) && !DOCKER_NETWORKS.contains(n.getName()))
                .forEach(n -> others.add("network " + n.getName()));
        secrets.stream().filter(s -> !managed(s.getSpec().getLabels())).forEach(s -> others.add("secret " + s.getSpec().getName()));
        configs.stream().filter(c -> !managed(labels(c))).forEach(c -> others.add("config " + c.getSpec().getName()));
        return new ActualCluster(services.get(true),
                secrets.stream().map(s -> s.getSpec().getName()).collect(Collectors.toSet()),
                configs.stream().map(c -> c.getSpec().getName()).collect(Collectors.toSet()),
                // Names, not a Set.copyOf: Docker allows a local and a swarm network of the same name.
                Set.copyOf(networkNames.values()), nodeLabels(docker), services.get(false), others.stream().sorted().toList());
    }

    /** docker-java's config spec has no labels field: they are among its raw values. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Config config) {
        return config.getSpec().getRawValues().get("Labels") instanceof Map<?, ?> labels ? (Map<String, String>) labels : Map.of();
    }

    private static boolean managed(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(DockerServiceSpecs.MANAGED_LABEL));
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

    /** Swarm node ID → hostname, to name a task's node as the operator knows it. */
    public static Map<String, String> nodeHostnames(DockerClient docker) {
        return hostnames(docker.listSwarmNodesCmd().exec());
    }

    /** The same, from a node listing already made. */
    static Map<String, String> hostnames(List<SwarmNode> nodes) {
        Map<String, String> names = new HashMap<>();
        nodes.forEach(node -> names.put(node.getId(), node.getDescription() == null ? node.getId() : node.getDescription().getHostname()));
        return names;
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
