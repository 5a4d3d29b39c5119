package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Config;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.SwarmNode;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads what one Swarm holds now, through any of its managers. */
public final class SwarmReader {

    private SwarmReader() {
    }

    public static ActualCluster read(DockerClient docker) {
        Map<String, ActualService> services = managedServices(docker).stream()
                .collect(Collectors.toMap(s -> s.getSpec().getName(), SwarmReader::actual));
        return new ActualCluster(services,
                docker.listSecretsCmd().exec().stream().map(Secret::getSpec).map(s -> s.getName()).collect(Collectors.toSet()),
                docker.listConfigsCmd().exec().stream().map(Config::getSpec).map(s -> s.getName()).collect(Collectors.toSet()),
                docker.listNetworksCmd().exec().stream().map(Network::getName).collect(Collectors.toSet()),
                nodeLabels(docker));
    }

    public static List<Service> managedServices(DockerClient docker) {
        return docker.listServicesCmd().withLabelFilter(Map.of(SpecFingerprint.MANAGED_LABEL, "true")).exec();
    }

    public static Optional<Service> service(DockerClient docker, String name) {
        return docker.listServicesCmd().withNameFilter(List.of(name)).exec().stream()
                .filter(s -> s.getSpec().getName().equals(name)).findFirst();
    }

    private static ActualService actual(Service service) {
        var spec = service.getSpec();
        ServiceModeConfig mode = spec.getMode();
        int replicas = mode.getGlobal() != null ? -1 : (int) mode.getReplicated().getReplicas();
        String fingerprint = Optional.ofNullable(spec.getLabels()).map(l -> l.get(SpecFingerprint.LABEL)).orElse("");
        return new ActualService(service.getId(), spec.getName(), spec.getTaskTemplate().getContainerSpec().getImage(),
                replicas, fingerprint);
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
