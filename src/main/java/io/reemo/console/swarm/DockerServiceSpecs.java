package io.reemo.console.swarm;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import io.reemo.console.catalogue.DesiredCluster;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue's service spec in Docker's words, with the console's labels and a rollback on failed updates. */
final class DockerServiceSpecs {

    /** Marks what the console manages, so that it never touches services, networks or objects of others. */
    static final String MANAGED_LABEL = "io.reemo.console.managed";
    static final String COMPONENT_LABEL = "io.reemo.console.component";
    /** The service labels the console sets; others on a service are someone else's and no difference. */
    static final List<String> CONSOLE_LABELS = List.of(MANAGED_LABEL, COMPONENT_LABEL);

    private DockerServiceSpecs() {
    }

    /** The labels that mark a service as the console's, and which component it is. */
    static Map<String, String> labels(io.reemo.console.catalogue.ServiceSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_LABEL, "true");
        labels.put(COMPONENT_LABEL, spec.component().name().toLowerCase());
        return labels;
    }

    static ServiceSpec of(io.reemo.console.catalogue.ServiceSpec spec, DesiredCluster cluster, Map<String, String> secretIds,
                          Map<String, String> configIds) {
        ContainerSpec container = new ContainerSpec()
                .withImage(spec.image())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withSecrets(spec.secrets().stream().map(s -> new ContainerSpecSecret()
                        .withSecretId(secretIds.get(s.secretName())).withSecretName(s.secretName())
                        .withFile(new ContainerSpecFile().withName(s.fileName()).withUid("0").withGid("0").withMode(0400L))).toList())
                .withConfigs(spec.configs().stream().map(c -> new ContainerSpecConfig()
                        .withConfigID(configIds.get(c.configName())).withConfigName(c.configName())
                        .withFile(new ContainerSpecFile().withName(c.path()).withUid("0").withGid("0").withMode(0444L))).toList())
                .withMounts(spec.mounts().stream().map(m -> new Mount().withType(MountType.BIND)
                        .withSource(m.source()).withTarget(m.target())).toList());
        if (!spec.args().isEmpty()) {
            container = container.withArgs(spec.args());
        }
        ServicePlacement placement = new ServicePlacement().withConstraints(spec.constraints());
        if (spec.maxPerNode() > 0) {
            placement = placement.withMaxReplicas(spec.maxPerNode());
        }
        TaskSpec task = new TaskSpec()
                .withContainerSpec(container)
                .withPlacement(placement)
                .withNetworks(List.of(new NetworkAttachmentConfig().withTarget(cluster.network())))
                .withLogDriver(new Driver().withName("syslog").withOptions(spec.logOptions()))
                .withRestartPolicy(new ServiceRestartPolicy().withCondition(
                        spec.runOnce() ? ServiceRestartCondition.NONE : ServiceRestartCondition.ANY));
        ServiceModeConfig mode = spec.global()
                ? new ServiceModeConfig().withGlobal(new ServiceGlobalModeOptions())
                : new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(spec.replicas()));
        EndpointSpec endpoint = new EndpointSpec()
                .withMode("dnsrr".equals(cluster.endpointMode()) ? EndpointResolutionMode.DNSRR : EndpointResolutionMode.VIP)
                .withPorts(spec.ports().stream().map(p -> new PortConfig().withProtocol(PortConfigProtocol.TCP)
                        .withPublishedPort(p.published()).withTargetPort(p.target())
                        .withPublishMode(PortConfig.PublishMode.host)).toList());
        long monitor = cluster.updateMonitor().toNanos();
        UpdateOrder order = startFirst(spec, cluster) ? UpdateOrder.START_FIRST : UpdateOrder.STOP_FIRST;
        return new ServiceSpec()
                .withName(spec.name())
                .withLabels(labels(spec))
                .withTaskTemplate(task)
                .withMode(mode)
                .withEndpointSpec(endpoint)
                .withUpdateConfig(new UpdateConfig().withParallelism(1L).withMonitor(monitor).withOrder(order)
                        .withFailureAction(UpdateFailureAction.ROLLBACK))
                .withRollbackConfig(new UpdateConfig().withParallelism(1L).withMonitor(monitor).withOrder(order)
                        .withFailureAction(UpdateFailureAction.PAUSE));
    }

    /**
     * Start-first needs a free place for the extra task: with a per-node maximum that the replicas already fill on every
     * node, Swarm could not place it and the update would hang.
     */
    private static boolean startFirst(io.reemo.console.catalogue.ServiceSpec spec, DesiredCluster cluster) {
        if (!spec.component().replaceableWhileServing() || spec.global() || spec.runOnce()) {
            return false;
        }
        return spec.maxPerNode() == 0 || (long) spec.maxPerNode() * cluster.managerOrder().size() > spec.replicas();
    }
}
