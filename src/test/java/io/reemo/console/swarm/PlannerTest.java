package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final ServiceCatalogue catalogue = new ServiceCatalogue(new VariableCatalogue());

    private DesiredCluster desired(Map<String, Object> vars) {
        Map<String, Object> all = new HashMap<>(Map.of("REGISTRY_URL", "reg:5000", "REGISTRY_ENV", "reemoinfra", "HMACSECRET", "hmac-value"));
        all.putAll(vars);
        Node node = new Node("node1", "10.199.0.1", 22, "root", SshAuth.keyFile("/k"), null, Map.of(), null);
        Environment env = new Environment(1L, "e", Topology.SINGLE, all, List.of(new Cluster(Cluster.INFRA, null, Map.of(), Map.of(), List.of(node))));
        return catalogue.desiredState(env, CatalogueInput.withoutTls()).clusters().get(0);
    }

    @Test
    void anEmptySwarmNeedsEverything() {
        DesiredCluster desired = desired(Map.of());
        List<Change> changes = Planner.plan(desired, ActualCluster.empty(), s -> true, true);

        assertThat(changes).filteredOn(c -> c.kind() == Change.Kind.CREATE_SERVICE).hasSize(desired.services().size());
        assertThat(changes).extracting(Change::kind).contains(Change.Kind.CREATE_NETWORK, Change.Kind.CREATE_SECRET,
                Change.Kind.CREATE_CONFIG, Change.Kind.LABEL_NODE);
    }

    @Test
    void nothingToDoWhenTheSwarmMatches() {
        DesiredCluster desired = desired(Map.of());
        assertThat(Planner.plan(desired, RunningServices.appliedAs(desired), s -> true, true)).isEmpty();
    }

    @Test
    void aNewVersionUpdatesOnlyThatServiceAndSaysWhat() {
        ActualCluster actual = RunningServices.appliedAs(desired(Map.of()));
        List<Change> changes = Planner.plan(desired(Map.of("DOCKER_VERSION_API", "2.14.0")), actual, s -> true, true);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.UPDATE_SERVICE);
            assertThat(c.target()).isEqualTo("reemo_api");
            assertThat(c.fields()).containsExactly("image");
            assertThat(c.detail()).isEqualTo("image 2.13.10 → 2.14.0");
        });
    }

    /** The vendor's role ran first: the same services by name, without the console's labels, beside things of its own. */
    @Test
    void servicesRunningWithoutTheConsoleAreAdoptedNeverCreatedOrRemovedAndTheRestIsLeftAlone() {
        DesiredCluster desired = desired(Map.of());
        ActualCluster console = RunningServices.appliedAs(desired(Map.of("DOCKER_VERSION_API", "2.13.9")));
        Map<String, ActualService> unlabelled = new HashMap<>();
        console.services().forEach((name, service) -> unlabelled.put(name, withoutLabels(service)));
        unlabelled.put("monitoring", withoutLabels(RunningServices.running(desired.service("reemo_portal").orElseThrow(), desired)));
        ActualCluster role = new ActualCluster(Map.of(), console.secrets(), console.configs(), console.networks(),
                console.nodeLabels(), unlabelled, List.of("network reemo_overlay", "secret reemo_mysql_root_password"));

        List<Change> changes = Planner.plan(desired, role, s -> true, true);

        assertThat(changes).extracting(Change::kind).doesNotContain(Change.Kind.CREATE_SERVICE, Change.Kind.REMOVE_SERVICE);
        assertThat(changes).filteredOn(c -> c.kind() == Change.Kind.ADOPT_SERVICE).extracting(Change::target)
                .containsExactlyInAnyOrderElementsOf(desired.services().stream().map(ServiceSpec::name).toList());
        assertThat(changes).filteredOn(c -> c.target().equals("reemo_api")).singleElement().satisfies(api -> {
            assertThat(api.fields()).containsExactly("image");
            assertThat(api.detail()).isEqualTo("image 2.13.9 → 2.13.10");
        });
        assertThat(changes).filteredOn(c -> c.target().equals("reemo_portal")).singleElement()
                .satisfies(portal -> assertThat(portal.detail()).isEqualTo("runs as the console would run it"));
        assertThat(Planner.leftAlone(desired, role))
                .containsExactly("service monitoring", "network reemo_overlay", "secret reemo_mysql_root_password");
        assertThat(Drift.of(desired, role)).filteredOn(d -> d.object().equals("reemo_api")).singleElement()
                .satisfies(d -> assertThat(d.running()).isEqualTo(Difference.UNADOPTED));
        assertThat(Drift.of(desired, role.adopted(desired))).filteredOn(d -> d.object().equals("reemo_api"))
                .extracting(Difference::field).containsExactly("labels", "image");
    }

    private static ActualService withoutLabels(ActualService service) {
        service.spec().withLabels(Map.of());
        return service;
    }

    @Test
    void replicasChangedBehindOurBackShowAsDrift() {
        DesiredCluster desired = desired(Map.of());
        ActualCluster actual = RunningServices.appliedAs(desired);
        ServiceSpec api = desired.service("reemo_api").orElseThrow();

        List<Change> changes = Planner.plan(desired, RunningServices.with(actual, RunningServices.running(api.withReplicas(1), desired)), s -> true, true);

        assertThat(changes).singleElement().satisfies(c -> assertThat(c.detail()).isEqualTo("replicas 1 → 4"));
    }

    @Test
    void aChangedSecretIsANewSecretAndAnUpdateOfItsServices() {
        ActualCluster actual = RunningServices.appliedAs(desired(Map.of()));
        List<Change> changes = Planner.plan(desired(Map.of("HMACSECRET", "rotated")), actual, s -> true, true);

        assertThat(changes).filteredOn(c -> c.kind() == Change.Kind.CREATE_SECRET).singleElement()
                .satisfies(c -> assertThat(c.target()).startsWith("reemo_hmacsecret_"));
        assertThat(changes).filteredOn(c -> c.kind() == Change.Kind.UPDATE_SERVICE).extracting(Change::target)
                .containsExactlyInAnyOrder("reemo_api", "reemo_portal", "reemo_signal1");
        assertThat(changes).filteredOn(c -> c.kind() == Change.Kind.UPDATE_SERVICE).allSatisfy(c -> {
            assertThat(c.fields()).containsExactly("secrets");
            assertThat(c.detail()).startsWith("secrets reemo_hmacsecret_").contains(" → reemo_hmacsecret_");
        });
        assertThat(changes).allSatisfy(c -> assertThat(c.toString()).doesNotContain("rotated"));
    }

    @Test
    void aTaggedPlanLeavesOtherServicesAndRemovesNothing() {
        DesiredCluster before = desired(Map.of());
        Map<String, ActualService> services = new HashMap<>(RunningServices.appliedAs(before).services());
        services.put("reemo_old", new ActualService("x", new com.github.dockerjava.api.model.ServiceSpec().withName("reemo_old"), List.of()));
        ActualCluster actual = new ActualCluster(services, RunningServices.appliedAs(before).secrets(), RunningServices.appliedAs(before).configs(), Set.of("reemo_net"), before.nodeLabels());
        DesiredCluster after = desired(Map.of("DOCKER_VERSION_API", "2.14.0", "DOCKER_VERSION_PORTAL", "2.13.11"));

        List<Change> tagged = Planner.plan(after, actual, s -> ServiceCatalogue.selectedByTags(s, List.of("api")), false);
        assertThat(tagged).extracting(Change::target).containsExactly("reemo_api");

        List<Change> full = Planner.plan(after, actual, s -> true, true);
        assertThat(full).extracting(Change::target).containsExactly("reemo_portal", "reemo_api", "reemo_old");
    }

    @Test
    void anEndpointModeChangeIsPlannedForEveryService() {
        ActualCluster actual = RunningServices.appliedAs(desired(Map.of()));
        DesiredCluster dnsrr = desired(Map.of("SWARM_ENDPOINT_MODE", "dnsrr"));

        List<Change> changes = Planner.plan(dnsrr, actual, s -> true, true);

        assertThat(changes).hasSize(dnsrr.services().size()).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.UPDATE_SERVICE);
            assertThat(c.fields()).containsExactly("endpoint mode");
            assertThat(c.detail()).isEqualTo("endpoint mode vip → dnsrr");
        });
    }

    @Test
    void imageTagIgnoresTheRegistryPortAndDigest() {
        assertThat(Planner.imageTag("10.199.0.100:5000/reemoinfraapi:2.14.0@sha256:abc")).isEqualTo("2.14.0");
        assertThat(Planner.imageTag("10.199.0.100:5000/reemoinfraapi")).isEqualTo("10.199.0.100:5000/reemoinfraapi");
    }
}
