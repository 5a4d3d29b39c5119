package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.UpdateOrder;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Issue 17: stateless services keep answering through an update (start-first) where the cluster has room for it. */
class UpdateOrderTest {

    private static final List<String> THREE_NODES = List.of("node1", "node2", "node3");

    @Test
    void theStatelessServicesStartTheNewTaskFirstAndTheOthersStopFirst() {
        assertThat(order(service(Component.PORTAL, 2, 2), THREE_NODES)).isEqualTo(UpdateOrder.START_FIRST);
        assertThat(order(service(Component.API, 4, 4), THREE_NODES)).isEqualTo(UpdateOrder.START_FIRST);
        assertThat(order(service(Component.MYSQL, 1, 1), THREE_NODES)).isEqualTo(UpdateOrder.STOP_FIRST);
        assertThat(order(service(Component.SIGNAL, 1, 1), THREE_NODES)).isEqualTo(UpdateOrder.STOP_FIRST);
        assertThat(order(service(Component.APICRON, 1, 1), THREE_NODES)).isEqualTo(UpdateOrder.STOP_FIRST);
    }

    @Test
    void withoutAFreePlaceForTheExtraTaskTheUpdateStopsFirstRatherThanHang() {
        assertThat(order(service(Component.PORTAL, 2, 2), List.of("node1"))).isEqualTo(UpdateOrder.STOP_FIRST);
        assertThat(order(service(Component.PORTAL, 2, 0), List.of("node1"))).isEqualTo(UpdateOrder.START_FIRST);
    }

    private static UpdateOrder order(ServiceSpec spec, List<String> nodes) {
        DesiredCluster cluster = new DesiredCluster("infra", nodes, "reemo_net", "vip", Map.of(), List.of(), List.of(spec),
                Duration.ofSeconds(8));
        var docker = DockerServiceSpecs.of(spec, cluster, Map.of(), Map.of());
        assertThat(docker.getRollbackConfig().getOrder()).isEqualTo(docker.getUpdateConfig().getOrder());
        return docker.getUpdateConfig().getOrder();
    }

    private static ServiceSpec service(Component component, int replicas, int maxPerNode) {
        return new ServiceSpec(component.serviceName(), component, "reg:5000/reemoinfra" + component.imageComponent() + ":1",
                replicas, maxPerNode, List.of(), new TreeMap<>(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), false);
    }
}
