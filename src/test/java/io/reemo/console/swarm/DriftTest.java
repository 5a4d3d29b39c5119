package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.LocalNodeState;
import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.SwarmObject;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each kind of object the drift compares, changed behind the console's back on a Swarm as an install left it. */
class DriftTest {

    private static final String INFRA = Cluster.INFRA;

    private final DesiredCluster desired = desired();
    private final ActualCluster installed = RunningServices.appliedAs(desired);

    @Test
    void aSwarmAsTheInstallLeftItHasNoDifference() {
        assertThat(Drift.of(desired, installed)).isEmpty();
    }

    @Test
    void aServiceFieldChangedByHandIsNamedWithBothValues() {
        ActualService api = RunningServices.running(desired.service("reemo_api").orElseThrow(), desired);
        api.spec().getMode().getReplicated().withReplicas(2);
        api.spec().getTaskTemplate().getContainerSpec().withImage("reg:5000/reemoinfraapi:2.14.0@sha256:0123");
        api.spec().getEndpointSpec().withMode(EndpointResolutionMode.VIP);
        ActualCluster changed = RunningServices.with(installed, api);

        assertThat(Drift.of(desired, changed)).containsExactly(
                new Difference(INFRA, "reemo_api", "image", "2.13.10", "2.14.0"),
                new Difference(INFRA, "reemo_api", "replicas", "4", "2"),
                new Difference(INFRA, "reemo_api", "endpoint mode", "dnsrr", "vip"));
    }

    @Test
    void aMissingServiceIsADifference() {
        Map<String, ActualService> services = new HashMap<>(installed.services());
        services.remove("reemo_apicron");

        assertThat(Drift.of(desired, withServices(services)))
                .containsExactly(new Difference(INFRA, "reemo_apicron", "service", "present", "absent"));
    }

    @Test
    void aServiceTheConsoleLabelledThatTheCatalogueNoLongerHasIsADifference() {
        Map<String, ActualService> services = new HashMap<>(installed.services());
        services.put("reemo_old", new ActualService("x", new com.github.dockerjava.api.model.ServiceSpec().withName("reemo_old"), List.of()));

        assertThat(Drift.of(desired, withServices(services)))
                .containsExactly(new Difference(INFRA, "reemo_old", "service", "absent", "present"));
    }

    @Test
    void aMissingNetworkIsADifference() {
        ActualCluster removed = new ActualCluster(installed.services(), installed.secrets(), installed.configs(), Set.of("ingress"),
                installed.nodeLabels());

        assertThat(Drift.of(desired, removed)).containsExactly(new Difference(INFRA, "reemo_net", "network", "present", "absent"));
    }

    @Test
    void aMissingSecretIsNamedNeverShown() {
        String hmac = objectName(SwarmObject.Kind.SECRET, "reemo_hmacsecret");
        Set<String> secrets = new HashSet<>(installed.secrets());
        secrets.remove(hmac);
        ActualCluster removed = new ActualCluster(installed.services(), secrets, installed.configs(), installed.networks(), installed.nodeLabels());

        List<Difference> differences = Drift.of(desired, removed);

        assertThat(differences).containsExactly(new Difference(INFRA, hmac, "secret", "present", "absent"));
        assertThat(differences.toString()).doesNotContain("hmac-value");
    }

    @Test
    void aMissingConfigIsADifference() {
        String dynamic = objectName(SwarmObject.Kind.CONFIG, "traefik_dynamic");
        ActualCluster removed = new ActualCluster(installed.services(), installed.secrets(), Set.of(), installed.networks(),
                installed.nodeLabels());

        assertThat(Drift.of(desired, removed)).containsExactly(new Difference(INFRA, dynamic, "config", "present", "absent"));
    }

    @Test
    void aNodeLabelTakenOffOrChangedIsADifference() {
        ActualCluster unlabelled = new ActualCluster(installed.services(), installed.secrets(), installed.configs(),
                installed.networks(), Map.of("node1", Map.of("reemo.mysql", "false")));

        assertThat(Drift.of(desired, unlabelled)).containsExactly(new Difference(INFRA, "node1", "label reemo.mysql", "true", "false"));
        assertThat(Drift.of(desired, new ActualCluster(installed.services(), installed.secrets(), installed.configs(),
                installed.networks(), Map.of()))).containsExactly(new Difference(INFRA, "node1", "label reemo.mysql", "true", "absent"));
    }

    @Test
    void aNodeOutsideAnySwarmIsOneDifferenceNotEveryObject() {
        DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        when(docker.listNetworksCmd().exec()).thenThrow(new IllegalStateException("This node is not a swarm manager."));
        when(docker.infoCmd().exec().getSwarm().getLocalNodeState()).thenReturn(LocalNodeState.INACTIVE);

        assertThat(Drift.read(desired, docker)).containsExactly(new Difference(INFRA, INFRA, "swarm", "formed", "none"));
    }

    @Test
    void aReadThatFailsOnAFormedSwarmIsNotHidden() {
        DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        when(docker.listNetworksCmd().exec()).thenThrow(new IllegalStateException("Docker on node1 went away"));
        when(docker.infoCmd().exec().getSwarm().getLocalNodeState()).thenReturn(LocalNodeState.ACTIVE);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Drift.read(desired, docker)).hasMessageContaining("went away");
    }

    private ActualCluster withServices(Map<String, ActualService> services) {
        return new ActualCluster(services, installed.secrets(), installed.configs(), installed.networks(), installed.nodeLabels());
    }

    private String objectName(SwarmObject.Kind kind, String baseName) {
        return desired.objects().stream().filter(o -> o.kind() == kind && o.baseName().equals(baseName)).map(SwarmObject::name)
                .collect(Collectors.toList()).get(0);
    }

    private static DesiredCluster desired() {
        Map<String, Object> vars = Map.of("REGISTRY_URL", "reg:5000", "REGISTRY_ENV", "reemoinfra", "HMACSECRET", "hmac-value",
                "SWARM_ENDPOINT_MODE", "dnsrr");
        Node node = new Node("node1", "10.199.0.1", 22, "root", SshAuth.keyFile("/k"), null, Map.of(), null);
        Environment environment = new Environment(1L, "e", Topology.SINGLE, vars,
                List.of(new Cluster(INFRA, null, Map.of(), Map.of(), List.of(node))));
        return new ServiceCatalogue(new VariableCatalogue()).desiredState(environment, CatalogueInput.withoutTls()).clusters().get(0);
    }
}
