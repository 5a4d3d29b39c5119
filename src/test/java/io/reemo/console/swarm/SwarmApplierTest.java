package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.ResourceVersion;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceSpec;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.environment.EffectiveVariables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SwarmApplierTest {

    private static final io.reemo.console.catalogue.ServiceSpec PORTAL = new io.reemo.console.catalogue.ServiceSpec("reemo_portal",
            Component.PORTAL, "reg:5000/reemoinfraportal:2.13.10", 2, 2, List.of(), new TreeMap<>(), List.of(), List.of(),
            List.of(), List.of(), List.of(), Map.of(), false);

    private static final Instant UPDATED = Instant.parse("2026-12-07T00:30:00Z");

    @Test
    void anEndpointModeChangeReachesTheServiceUpdate() {
        DesiredCluster vip = new DesiredCluster("infra", List.of("node1"), "reemo_net", "vip", Map.of(), List.of(), List.of(PORTAL),
                EffectiveVariables.DEFAULT_UPDATE_MONITOR);
        DesiredCluster dnsrr = new DesiredCluster("infra", List.of("node1"), "reemo_net", "dnsrr", Map.of(), List.of(), List.of(PORTAL),
                EffectiveVariables.DEFAULT_UPDATE_MONITOR);
        List<Change> plan = Planner.plan(dnsrr, RunningServices.appliedAs(vip), s -> true, true);
        DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        Service running = new Service().withId("id-portal").withSpec(RunningServices.running(PORTAL, vip).spec());
        running.withVersion(new ResourceVersion().withIndex(7L)).withUpdatedAt(new Date(UPDATED.toEpochMilli()));
        when(docker.listSecretsCmd().exec()).thenReturn(List.of());
        when(docker.listConfigsCmd().exec()).thenReturn(List.of());
        when(docker.listServicesCmd().withNameFilter(any()).exec()).thenReturn(List.of(running));
        List<String> log = new ArrayList<>();

        SwarmApplier applier = new SwarmApplier(docker, dnsrr, null, log::add);
        applier.apply(plan);

        ArgumentCaptor<ServiceSpec> update = ArgumentCaptor.forClass(ServiceSpec.class);
        verify(docker).updateServiceCmd(eq("id-portal"), update.capture());
        assertThat(update.getValue().getEndpointSpec().getMode()).isEqualTo(EndpointResolutionMode.DNSRR);
        assertThat(log).containsExactly("update service reemo_portal: endpoint mode vip → dnsrr");
        // Each task carries the endpoint spec, so Swarm replaces them one by one: convergence waits for that update.
        assertThat(applier.rollingSince()).containsExactly(Map.entry("reemo_portal", UPDATED));
    }
}
