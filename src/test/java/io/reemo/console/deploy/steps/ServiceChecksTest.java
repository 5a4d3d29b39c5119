package io.reemo.console.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.swarm.SwarmStatus.NodeStatus;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import io.reemo.console.swarm.SwarmStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every desired service against what the Swarm runs, one fault at a time, and how each line reads. */
class ServiceChecksTest {

    private static final List<NodeStatus> NODES = List.of(node("infra1", "ready"), node("infra2", "ready"), node("infra3", "ready"));

    private final Environment environment = Fixtures.cluster();
    private final DesiredCluster desired = new ServiceCatalogue(new VariableCatalogue())
            .desiredState(environment, CatalogueInput.withoutTls()).clusters().get(0);

    @Test
    void aSwarmRunningTheDesiredStatePassesEveryServiceWithItsTasksVersionAndNodes() {
        List<CheckLine> lines = ServiceChecks.judge(desired, running(s -> s));

        assertThat(lines).hasSize(desired.services().size()).allMatch(CheckLine::passed);
        assertThat(texts(lines)).contains("reemo_api: 4/4 task(s) running and healthy, 2.13.10, on infra1, infra2, infra3")
                .contains("traefik: 3/3 task(s) running and healthy (one per node), v2.11, on infra1, infra2, infra3")
                .contains("reemo_db: 0 tasks running, as it should be outside a database run, 2.13.10");
    }

    /** The role leaves reemo_db at 1 replica whose task ended ("0/1"); the console at 0. Neither runs anything. */
    @Test
    void theDatabaseJobPassesWhenNothingOfItRunsWhateverSwarmAsksForAndFailsDuringARun() {
        SwarmStatus ended = running(s -> s.name().equals("reemo_db") ? with(s, 1, 0, List.of()) : s);
        SwarmStatus running = running(s -> s.name().equals("reemo_db") ? with(s, 1, 1, List.of("infra2")) : s);

        assertThat(texts(ServiceChecks.judge(desired, ended)))
                .contains("reemo_db: 0 tasks running, as it should be outside a database run (its last run ended), 2.13.10");
        assertThat(failures(ServiceChecks.judge(desired, running)))
                .containsExactly("reemo_db: 1 task(s) running: a database run is under way");
    }

    @Test
    void aServiceMissingFromTheSwarmFailsAndSaysThatAnInstallCreatesIt() {
        SwarmStatus swarm = running(s -> s);
        SwarmStatus without = new SwarmStatus(swarm.nodes(), swarm.services().stream().filter(s -> !s.name().equals("reemo_portal")).toList());

        assertThat(failures(ServiceChecks.judge(desired, without)))
                .containsExactly("reemo_portal: not in the Swarm of infra_manager; an install creates it");
    }

    @Test
    void tasksThatDoNotRunAreCountedAndTheirNodesNamed() {
        SwarmStatus swarm = running(s -> s.name().equals("reemo_api") ? with(s, 4, 3, List.of("infra1", "infra2", "infra2")) : s);

        assertThat(failures(ServiceChecks.judge(desired, swarm)))
                .containsExactly("reemo_api: 3 of 4 task(s) running and healthy (on infra1, infra2)");
    }

    @Test
    void anImageOtherThanTheConfiguredOneFailsNamingBoth() {
        SwarmStatus swarm = running(s -> s.name().equals("reemo_api") ? image(s, s.image().replace("2.13.10", "2.14.0")) : s);

        assertThat(failures(ServiceChecks.judge(desired, swarm))).singleElement().asString()
                .startsWith("reemo_api: runs ").contains("reemoinfraapi:2.14.0 where the configuration asks for ")
                .endsWith("reemoinfraapi:2.13.10");
    }

    @Test
    void tasksStillRunningAnotherVersionThanTheServiceAsksForFail() {
        SwarmStatus swarm = running(s -> s.name().equals("reemo_api") ? new ServiceStatus(s.name(), s.image(), 4, 4, false, s.nodes(),
                List.of("2.12.0", "2.13.10"), s.updatedAt(), "completed", "") : s);

        assertThat(failures(ServiceChecks.judge(desired, swarm)))
                .containsExactly("reemo_api: its tasks run 2.12.0 and 2.13.10 where the configuration asks for 2.13.10 (tasks not replaced yet)");
    }

    @Test
    void replicasScaledByHandAndAnUpdateHalfWayFail() {
        SwarmStatus swarm = running(s -> switch (s.name()) {
            case "reemo_portal" -> with(s, 1, 1, List.of("infra1"));
            case "reemo_proapi" -> new ServiceStatus(s.name(), s.image(), s.desired(), s.running(), false, s.nodes(), s.runningVersions(), Instant.EPOCH,
                    "paused", "update paused due to failure or early termination of task x");
            default -> s;
        });

        assertThat(failures(ServiceChecks.judge(desired, swarm))).containsExactly(
                "reemo_portal: Swarm asks for 1 task(s) where the configuration asks for 2; an install sets it back",
                "reemo_proapi: its update is paused (update paused due to failure or early termination of task x)");
    }

    @Test
    void aGlobalServiceNeedsOneTaskPerReadyNodeAndAServiceTheConfigurationLacksFails() {
        SwarmStatus swarm = running(s -> s.name().equals("traefik") ? with(s, 3, 2, List.of("infra1", "infra2")) : s);
        List<ServiceStatus> services = new ArrayList<>(swarm.services());
        services.add(new ServiceStatus("reemo_maintenance", "registry/reemoinframaintenance:1.0.0", 1, 1, false, List.of("infra1"),
                List.of("1.0.0"), Instant.EPOCH, "", ""));

        assertThat(failures(ServiceChecks.judge(desired, new SwarmStatus(NODES, services)))).containsExactly(
                "traefik: 2 of 3 task(s) running and healthy (on infra1, infra2)",
                "reemo_maintenance: runs in the Swarm of infra_manager but the configuration has no such service; an install removes it");
    }

    /** The Swarm running every desired service as asked, each then changed by {@code change}. */
    private SwarmStatus running(UnaryOperator<ServiceStatus> change) {
        List<String> all = NODES.stream().map(NodeStatus::hostname).toList();
        List<ServiceStatus> services = new ArrayList<>();
        for (ServiceSpec spec : desired.services()) {
            int tasks = spec.global() ? NODES.size() : spec.replicas();
            services.add(change.apply(new ServiceStatus(spec.name(), spec.image() + "@sha256:0123", tasks, tasks, spec.global(),
                    all.subList(0, Math.min(tasks, all.size())), List.of(spec.image().substring(spec.image().lastIndexOf(':') + 1)),
                    Instant.EPOCH, "completed", "")));
        }
        return new SwarmStatus(NODES, services);
    }

    private static ServiceStatus with(ServiceStatus s, int desired, int running, List<String> nodes) {
        return new ServiceStatus(s.name(), s.image(), desired, running, s.global(), nodes, s.runningVersions(), s.updatedAt(),
                s.updateState(), s.updateMessage());
    }

    private static ServiceStatus image(ServiceStatus s, String image) {
        return new ServiceStatus(s.name(), image, s.desired(), s.running(), s.global(), s.nodes(), s.runningVersions(), s.updatedAt(),
                s.updateState(), s.updateMessage());
    }

    private static NodeStatus node(String name, String state) {
        return new NodeStatus(name, "10.0.0." + name.charAt(5), "manager", false, "active", state, "reachable", 4, 8L << 30, "27.5.1");
    }

    private static List<String> texts(List<CheckLine> lines) {
        return lines.stream().map(CheckLine::text).toList();
    }

    private static List<String> failures(List<CheckLine> lines) {
        return lines.stream().filter(l -> !l.passed()).map(CheckLine::text).toList();
    }
}
