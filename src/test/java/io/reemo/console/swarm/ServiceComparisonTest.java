package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import com.github.dockerjava.api.model.UpdateOrder;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.catalogue.ServiceSpec.ConfigMount;
import io.reemo.console.catalogue.ServiceSpec.Mount;
import io.reemo.console.catalogue.ServiceSpec.Port;
import io.reemo.console.catalogue.ServiceSpec.SecretMount;
import io.reemo.console.swarm.ActualCluster.ActualService;
import io.reemo.console.environment.EffectiveVariables;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The guard of issue 13: every field of a desired service, changed alone, is a difference the plan names. The
 * components are enumerated by reflection, so a component added later without a case here fails.
 */
class ServiceComparisonTest {

    private static final ServiceSpec API = new ServiceSpec("reemo_api", Component.API, "reg:5000/reemoinfraapi:2.13.10", 2, 1,
            List.of("node.labels.reemo.api==true"), new TreeMap<>(Map.of("LOG_LEVEL", "info", "DB_HOST", "reemo_mysql")),
            List.of(new SecretMount("reemo_hmacsecret_0123456789", "hmacsecret")),
            List.of(new ConfigMount("reemo_api_conf_0123456789", "/etc/reemo/api.yml")),
            List.of(new Mount("/opt/reemo/api", "/data")), List.of(new Port(8443, 443)), List.of("--serve"),
            Map.of("tag", "reemo_api"), false);

    private static final DesiredCluster CLUSTER = cluster(API, "reemo_net", "vip");

    /** Each component of the catalogue's service spec: how to change it, and the field the comparison names. */
    private static final Map<String, Case> SERVICE_CASES = Map.ofEntries(
            Map.entry("name", new Case(v -> "reemo_api2", "name")),
            Map.entry("component", new Case(v -> Component.PROAPI, "labels")),
            Map.entry("image", new Case(v -> "reg:5000/reemoinfraapi:2.14.0", "image")),
            Map.entry("replicas", new Case(v -> 3, "replicas")),
            Map.entry("maxPerNode", new Case(v -> 2, "max per node")),
            Map.entry("constraints", new Case(v -> List.of("node.labels.reemo.api==true", "node.role==manager"), "constraints")),
            Map.entry("env", new Case(v -> new TreeMap<>(Map.of("LOG_LEVEL", "debug", "DB_HOST", "reemo_mysql")), "env")),
            Map.entry("secrets", new Case(v -> List.of(new SecretMount("reemo_hmacsecret_abcdefabcd", "hmacsecret")), "secrets")),
            Map.entry("configs", new Case(v -> List.of(new ConfigMount("reemo_api_conf_0123456789", "/etc/reemo/api2.yml")), "configs")),
            Map.entry("mounts", new Case(v -> List.of(new Mount("/opt/reemo/api2", "/data")), "mounts")),
            Map.entry("ports", new Case(v -> List.of(new Port(9443, 443)), "ports")),
            Map.entry("args", new Case(v -> List.of("--serve", "--verbose"), "args")),
            Map.entry("logOptions", new Case(v -> Map.of("tag", "reemo_api_test"), "logging")),
            Map.entry("runOnce", new Case(v -> true, "restart")));

    /**
     * The cluster's components that reach its services' specs, and those that do not (named so that a new component
     * has to be placed on one side or the other).
     */
    private static final Map<String, List<String>> CLUSTER_CASES = Map.of("network", List.of("networks"),
            "endpointMode", List.of("endpoint mode"), "updateMonitor", List.of("update config", "rollback config"));
    private static final Set<String> NOT_IN_A_SERVICE_SPEC = Set.of("group", "managerOrder", "nodeLabels", "objects", "services");

    @Test
    void whatTheApplierWroteAndDockerReadBackIsNoDifference() {
        assertThat(ServiceComparison.compare(API, CLUSTER, RunningServices.running(API, CLUSTER))).isEmpty();
        assertThat(Planner.plan(CLUSTER, RunningServices.appliedAs(CLUSTER), s -> true, true)).isEmpty();
    }

    @Test
    void everyComponentOfAServiceChangedAloneIsNamed() {
        ActualCluster running = RunningServices.appliedAs(CLUSTER);
        List<String> named = new ArrayList<>();
        for (RecordComponent component : ServiceSpec.class.getRecordComponents()) {
            Case change = SERVICE_CASES.get(component.getName());
            if (change == null) {
                fail("ServiceSpec." + component.getName() + " has no case here: add one, and a field to ServiceComparison");
            }
            ServiceSpec changed = changed(API, component, change.value());
            DesiredCluster desired = cluster(changed, "reemo_net", "vip");

            assertThat(ServiceComparison.compare(changed, desired, running.services().get("reemo_api")))
                    .as(component.getName()).extracting(ServiceComparison.Difference::field).containsExactly(change.field());
            List<Change> plan = Planner.plan(desired, running, s -> true, true);
            if (component.getName().equals("name")) {
                // Services are known by name: a new name is a new service, and the old one goes.
                assertThat(plan).extracting(Change::kind, Change::target).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.CREATE_SERVICE, "reemo_api2"),
                        org.assertj.core.groups.Tuple.tuple(Change.Kind.REMOVE_SERVICE, "reemo_api"));
            } else {
                assertThat(plan).as(component.getName()).singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(Change.Kind.UPDATE_SERVICE);
                    assertThat(c.fields()).containsExactly(change.field());
                });
                assertThat(Drift.of(desired, running)).as("the drift names what the plan names: " + component.getName())
                        .extracting(Difference::object, Difference::field).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("reemo_api", change.field()));
            }
            named.add(change.field());
        }
        CLUSTER_CASES.values().forEach(named::addAll);
        assertThat(named).as("every field the comparison knows is reached by some change").containsAll(ServiceComparison.fieldNames());
    }

    @Test
    void everyComponentOfTheClusterThatReachesAServiceChangedAloneIsNamed() {
        ActualCluster running = RunningServices.appliedAs(CLUSTER);
        for (RecordComponent component : DesiredCluster.class.getRecordComponents()) {
            if (NOT_IN_A_SERVICE_SPEC.contains(component.getName())) {
                continue;
            }
            List<String> fields = CLUSTER_CASES.get(component.getName());
            if (fields == null) {
                fail("DesiredCluster." + component.getName() + " is not classified here: add a case, or name it as not in a service spec");
            }
            DesiredCluster desired = switch (component.getName()) {
                case "network" -> cluster(API, "reemo_net2", "vip");
                case "endpointMode" -> cluster(API, "reemo_net", "dnsrr");
                default -> new DesiredCluster("infra", List.of("node1"), "reemo_net", "vip", Map.of(), List.of(), List.of(API),
                        Duration.ofSeconds(3));
            };

            assertThat(Planner.plan(desired, running, s -> true, true)).as(component.getName())
                    .filteredOn(c -> c.kind() == Change.Kind.UPDATE_SERVICE).singleElement()
                    .satisfies(c -> assertThat(c.fields()).containsExactlyElementsOf(fields));
        }
    }

    @Test
    void whatTheConsoleSetsWithoutAVariableIsComparedToo() {
        assertThat(drift(spec -> spec.getUpdateConfig().withFailureAction(UpdateFailureAction.CONTINUE)))
                .containsExactly(new ServiceComparison.Difference("update config", "parallelism 1, monitor 8 s, stop-first, on failure rollback",
                        "parallelism 1, monitor 8 s, stop-first, on failure continue"));
        assertThat(drift(spec -> spec.getUpdateConfig().withOrder(UpdateOrder.START_FIRST)))
                .containsExactly(new ServiceComparison.Difference("update config", "parallelism 1, monitor 8 s, stop-first, on failure rollback",
                        "parallelism 1, monitor 8 s, start-first, on failure rollback"));
        assertThat(drift(spec -> spec.getRollbackConfig().withParallelism(2L)))
                .extracting(ServiceComparison.Difference::field).containsExactly("rollback config");
        assertThat(drift(spec -> spec.getEndpointSpec().getPorts().get(0).withPublishMode(PortConfig.PublishMode.ingress)))
                .containsExactly(new ServiceComparison.Difference("ports", "8443:443/TCP host", "8443:443/TCP ingress"));
        assertThat(drift(spec -> spec.getTaskTemplate().getLogDriver().withName("json-file")))
                .extracting(ServiceComparison.Difference::field).containsExactly("logging");
        assertThat(drift(spec -> spec.getLabels().put(DockerServiceSpecs.COMPONENT_LABEL, "other")))
                .extracting(ServiceComparison.Difference::field).containsExactly("labels");
    }

    @Test
    void aSecretIsNamedNeverShown() {
        ContainerSpecSecret[] secret = new ContainerSpecSecret[1];
        List<ServiceComparison.Difference> differences = drift(spec -> {
            secret[0] = spec.getTaskTemplate().getContainerSpec().getSecrets().get(0);
            secret[0].getFile().withMode(0444L);
        });

        assertThat(differences).containsExactly(new ServiceComparison.Difference("secrets",
                "reemo_hmacsecret_0123456789 as hmacsecret (0:0 400)", "reemo_hmacsecret_0123456789 as hmacsecret (0:0 444)"));
    }

    @Test
    void aChangedVariableShowsOnlyThatVariable() {
        ServiceSpec debug = changed(API, component("env"), new TreeMap<>(Map.of("LOG_LEVEL", "debug", "DB_HOST", "reemo_mysql")));

        assertThat(ServiceComparison.compare(debug, CLUSTER, RunningServices.running(API, CLUSTER)))
                .containsExactly(new ServiceComparison.Difference("env", "LOG_LEVEL=debug", "LOG_LEVEL=info"));
    }

    @Test
    void tasksAreReplacedForTaskTemplateFieldsOnly() {
        assertThat(ServiceComparison.fieldNames()).filteredOn(ServiceComparison::replacesTasks).containsExactly("image",
                "constraints", "max per node", "env", "secrets", "configs", "networks", "mounts", "args", "logging", "restart",
                "endpoint mode", "ports");
    }

    /** The differences after someone changed the running spec of {@link #API} by hand. */
    private static List<ServiceComparison.Difference> drift(Consumer<com.github.dockerjava.api.model.ServiceSpec> byHand) {
        ActualService running = RunningServices.running(API, CLUSTER);
        byHand.accept(running.spec());
        return ServiceComparison.compare(API, CLUSTER, running);
    }

    private static DesiredCluster cluster(ServiceSpec service, String network, String endpointMode) {
        return new DesiredCluster("infra", List.of("node1"), network, endpointMode, Map.of(), List.of(), List.of(service),
                EffectiveVariables.DEFAULT_UPDATE_MONITOR);
    }

    private static RecordComponent component(String name) {
        return Arrays.stream(ServiceSpec.class.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    /** {@code spec} with one component replaced, through the canonical constructor. */
    private static ServiceSpec changed(ServiceSpec spec, RecordComponent component, Object value) {
        RecordComponent[] components = ServiceSpec.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals(component.getName()) ? value : components[i].getAccessor().invoke(spec);
            }
            return ServiceSpec.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot rebuild ServiceSpec with " + component.getName() + " changed", e);
        }
    }

    private record Case(UnaryOperator<Object> change, String field) {

        Object value() {
            return change.apply(null);
        }
    }
}
