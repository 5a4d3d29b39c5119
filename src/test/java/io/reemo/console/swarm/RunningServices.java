package io.reemo.console.swarm;

import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.UpdateOrder;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.SwarmObject;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A Swarm as the console leaves it after an apply, with the spec read back the way Docker returns it. */
final class RunningServices {

    static final String NETWORK_ID = "n0tw0rk1d";

    private RunningServices() {
    }

    /** The Swarm after applying {@code desired}: every service, secret, config, network and node label in place. */
    static ActualCluster appliedAs(DesiredCluster desired) {
        Map<String, ActualService> services = desired.services().stream().collect(Collectors.toMap(
                io.reemo.console.catalogue.ServiceSpec::name, s -> running(s, desired)));
        Set<String> secrets = desired.objects().stream().filter(o -> o.kind() == SwarmObject.Kind.SECRET).map(SwarmObject::name).collect(Collectors.toSet());
        Set<String> configs = desired.objects().stream().filter(o -> o.kind() == SwarmObject.Kind.CONFIG).map(SwarmObject::name).collect(Collectors.toSet());
        return new ActualCluster(services, secrets, configs, Set.of(desired.network()), desired.nodeLabels());
    }

    /** {@code actual} with one service replaced. */
    static ActualCluster with(ActualCluster actual, ActualService service) {
        Map<String, ActualService> services = new HashMap<>(actual.services());
        services.put(service.spec().getName(), service);
        return new ActualCluster(services, actual.secrets(), actual.configs(), actual.networks(), actual.nodeLabels());
    }

    /** One service as the applier writes it and as {@link SwarmReader} then reads it. */
    static ActualService running(io.reemo.console.catalogue.ServiceSpec spec, DesiredCluster cluster) {
        Map<String, String> secretIds = spec.secrets().stream().collect(Collectors.toMap(s -> s.secretName(), s -> "id-" + s.secretName()));
        Map<String, String> configIds = spec.configs().stream().collect(Collectors.toMap(c -> c.configName(), c -> "id-" + c.configName()));
        ServiceSpec written = DockerServiceSpecs.of(spec, cluster, secretIds, configIds);
        Service service = new Service().withId("id-" + spec.name()).withSpec(readBack(written));
        return new ActualService(service.getId(), service.getSpec(), List.of(cluster.network()));
    }

    /**
     * What Docker changes when it stores a spec and returns it (seen with {@code docker service inspect}): the image
     * pinned by digest, networks by ID, update and rollback configs and the restart policy completed with its
     * defaults; env in another order (the API keeps the order, but nothing promises it); labels an operator added.
     */
    private static ServiceSpec readBack(ServiceSpec spec) {
        var task = spec.getTaskTemplate();
        var container = task.getContainerSpec();
        container.withImage(container.getImage() + "@sha256:0123456789abcdef");
        List<String> env = new ArrayList<>(container.getEnv());
        Collections.reverse(env);
        container.withEnv(env);
        task.getNetworks().forEach(n -> n.withTarget(NETWORK_ID));
        task.withForceUpdate(0).withRuntime("container");
        task.getRestartPolicy().withDelay(5_000_000_000L).withMaxAttempts(0L);
        spec.getUpdateConfig().withDelay(0L).withMaxFailureRatio(0f).withOrder(UpdateOrder.STOP_FIRST);
        spec.getRollbackConfig().withDelay(0L).withMaxFailureRatio(0f).withOrder(UpdateOrder.STOP_FIRST);
        Map<String, String> labels = new HashMap<>(spec.getLabels());
        labels.put("com.example.owner", "ops");
        return spec.withLabels(labels);
    }
}
