package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Config;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.SwarmObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes exactly the planned changes on one Swarm, in dependency order: network, secrets and configs, node
 * labels, then services. Images must already be on every node (the images step pulls them with the
 * registry credentials), because Docker's service update API carries no registry auth.
 */
public final class SwarmApplier {

    private final DockerClient docker;
    private final DesiredCluster desired;
    private final AuthConfig registryAuth;
    private final Consumer<String> log;
    private final Map<String, Instant> rollingSince = new HashMap<>();

    public SwarmApplier(DockerClient docker, DesiredCluster desired, AuthConfig registryAuth, Consumer<String> log) {
        this.docker = docker;
        this.desired = desired;
        this.registryAuth = registryAuth;
        this.log = log;
    }

    public void apply(List<Change> changes) {
        for (Change change : changes) {
            switch (change.kind()) {
                case CREATE_NETWORK -> createNetwork();
                case CREATE_SECRET, CREATE_CONFIG -> createObject(change.target());
                case LABEL_NODE -> labelNode(change.target());
                default -> { }
            }
        }
        Map<String, String> secretIds = docker.listSecretsCmd().exec().stream()
                .collect(Collectors.toMap(s -> s.getSpec().getName(), Secret::getId));
        Map<String, String> configIds = docker.listConfigsCmd().exec().stream()
                .collect(Collectors.toMap(c -> c.getSpec().getName(), Config::getId));
        for (Change change : changes) {
            switch (change.kind()) {
                case CREATE_SERVICE -> createService(spec(change), secretIds, configIds);
                case UPDATE_SERVICE, ADOPT_SERVICE -> updateService(spec(change), change, secretIds, configIds);
                case REMOVE_SERVICE -> removeService(change.target());
                default -> { }
            }
        }
    }

    /**
     * Takes over the adopted services as they run: their spec gains the console's labels and nothing else, so that no
     * task is replaced (Swarm replaces tasks only when the task template or endpoint changes). Other changes are left
     * for a later install.
     */
    public void adoptAsItRuns(List<Change> changes) {
        for (Change change : changes) {
            if (change.kind() != Change.Kind.ADOPT_SERVICE) {
                continue;
            }
            ServiceSpec spec = spec(change);
            Service current = SwarmReader.service(docker, spec.name())
                    .orElseThrow(() -> new SwarmStateException("service " + spec.name() + " disappeared during the adoption"));
            Map<String, String> labels = new HashMap<>(current.getSpec().getLabels() == null ? Map.of() : current.getSpec().getLabels());
            labels.putAll(DockerServiceSpecs.labels(spec));
            log.accept("adopt service " + spec.name() + " as it runs: the console's labels added, nothing else changed");
            docker.updateServiceCmd(current.getId(), current.getSpec().withLabels(labels))
                    .withVersion(current.getVersion().getIndex()).exec();
        }
    }

    /**
     * Services whose tasks Swarm replaces one by one (their task template changed), with the time of the change:
     * until Swarm reports that update, their old tasks still run and must not count as converged.
     */
    public Map<String, Instant> rollingSince() {
        return Map.copyOf(rollingSince);
    }

    private ServiceSpec spec(Change change) {
        return desired.service(change.target()).orElseThrow();
    }

    private void createNetwork() {
        log.accept("create overlay network " + desired.network());
        docker.createNetworkCmd().withName(desired.network()).withDriver("overlay").withAttachable(false)
                .withLabels(Map.of(DockerServiceSpecs.MANAGED_LABEL, "true")).exec();
    }

    private void createObject(String name) {
        SwarmObject object = desired.objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        Map<String, String> labels = Map.of(DockerServiceSpecs.MANAGED_LABEL, "true");
        if (object.kind() == SwarmObject.Kind.SECRET) {
            log.accept("create secret " + name);
            docker.createSecretCmd(new SecretSpec().withName(name).withLabels(labels)
                    .withData(new String(object.data(), java.nio.charset.StandardCharsets.UTF_8))).exec();
        } else {
            log.accept("create config " + name);
            docker.createConfigCmd().withName(name).withData(object.data()).withLabels(labels).exec();
        }
    }

    private void labelNode(String hostname) {
        for (SwarmNode node : docker.listSwarmNodesCmd().exec()) {
            if (node.getDescription().getHostname().equals(hostname)) {
                Map<String, String> labels = new HashMap<>(node.getSpec().getLabels() == null ? Map.of() : node.getSpec().getLabels());
                labels.putAll(desired.nodeLabels().get(hostname));
                log.accept("label node " + hostname + " " + desired.nodeLabels().get(hostname));
                docker.updateSwarmNodeCmd().withSwarmNodeId(node.getId()).withVersion(node.getVersion().getIndex())
                        .withSwarmNodeSpec(node.getSpec().withLabels(labels)).exec();
                return;
            }
        }
        throw new SwarmStateException("no Swarm node has the hostname " + hostname + ": run the facts job, then plan again");
    }

    private void createService(ServiceSpec spec, Map<String, String> secretIds, Map<String, String> configIds) {
        log.accept("create service " + spec.name() + " (" + spec.image() + ")");
        var command = docker.createServiceCmd(DockerServiceSpecs.of(spec, desired, secretIds, configIds));
        if (registryAuth != null) {
            command = command.withAuthConfig(registryAuth);
        }
        command.exec();
    }

    private void updateService(ServiceSpec spec, Change change, Map<String, String> secretIds, Map<String, String> configIds) {
        Service current = SwarmReader.service(docker, spec.name())
                .orElseThrow(() -> new SwarmStateException("service " + spec.name() + " disappeared during the update"));
        log.accept("update service " + spec.name() + ": " + change.detail());
        docker.updateServiceCmd(current.getId(), DockerServiceSpecs.of(spec, desired, secretIds, configIds))
                .withVersion(current.getVersion().getIndex()).exec();
        boolean hasTasks = spec.global() || spec.replicas() > 0;
        if (hasTasks && change.fields().stream().anyMatch(ServiceComparison::replacesTasks)) {
            SwarmReader.service(docker, spec.name()).ifPresent(s -> rollingSince.put(spec.name(), s.getUpdatedAt().toInstant()));
        }
    }

    private void removeService(String name) {
        SwarmReader.service(docker, name).ifPresent(service -> {
            log.accept("remove service " + name);
            docker.removeServiceCmd(service.getId()).exec();
        });
    }
}
