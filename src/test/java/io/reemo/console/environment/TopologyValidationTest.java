package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment validator's checks of nodes and clusters ({@code validation.TopologyChecks}). */
class TopologyValidationTest {

    private final InMemoryEnvironments stored = new InMemoryEnvironments();
    private final EnvironmentValidator validator = stored.validator();

    private List<Problem> problems(Environment environment, String code) {
        return validator.validate(environment).stream().filter(p -> p.code().equals(code)).toList();
    }

    @Test
    void aNodeMayNotBelongToTwoClusters() {
        Environment dedicated = Fixtures.dedicated();
        Cluster api = dedicated.cluster(Cluster.API).orElseThrow();
        Environment twice = dedicated.withClusters(dedicated.clusters().stream().map(c -> c.group().equals(Cluster.PORTAL_USER)
                ? c.withNodes(List.of(c.nodes().get(0), api.nodes().get(0))) : c).toList());
        assertThat(problems(twice, "NODE_IN_TWO_CLUSTERS")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("api1"));
    }

    @Test
    void nodeNamesAreInventoryHostNamesAndTheEnvironmentsNameIsOneLine() {
        Environment single = Fixtures.single();
        Environment badNode = single.withClusters(List.of(single.clusters().get(0).withNodes(List.of(
                Fixtures.node("n1\nevil:", "10.0.0.1")))));
        assertThat(problems(badNode, "NODE_NAME")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("named \"n1?evil:\"").contains("letters, digits"));
        Environment badName = new Environment(null, "prod\u2028x", single.topology(), single.vars(), single.clusters());
        assertThat(problems(badName, "NAME")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("without line breaks"));
    }

    @Test
    void theSameServerUnderTwoNamesIsOneNode() {
        Environment dedicated = Fixtures.dedicated();
        Environment alias = dedicated.withClusters(dedicated.clusters().stream().map(c -> c.group().equals(Cluster.PORTAL_ADMIN)
                ? c.withNodes(List.of(Fixtures.node("portaladmin1", "10.3.1.1"))) : c).toList());
        assertThat(problems(alias, "NODE_IN_TWO_CLUSTERS")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("10.3.1.1:22"));
    }

    @Test
    void aServerOfAnotherEnvironmentCannotBeUsedAgain() {
        stored.save(Fixtures.single(), Fixtures.BY_TEST);
        Environment other = new Environment(null, "other", Topology.SINGLE, Fixtures.allVars(), List.of(new Cluster(Cluster.INFRA,
                null, null, Map.of("CRON_ENABLE", "false"), List.of(Fixtures.node("srv", "10.0.0.1")))));
        assertThat(problems(other, "NODE_IN_TWO_CLUSTERS")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("environment single"));
    }

    @Test
    void theTopologyMustMatchTheClusters() {
        Environment lies = new Environment(null, "x", Topology.SINGLE, Fixtures.allVars(), Fixtures.cluster().clusters());
        assertThat(problems(lies, "TOPOLOGY")).singleElement().satisfies(p -> assertThat(p.message()).contains("CLUSTER"));
        Environment mixed = Fixtures.dedicated().withClusters(List.of(Fixtures.single().clusters().get(0),
                Fixtures.dedicated().cluster(Cluster.API).orElseThrow()));
        assertThat(problems(mixed, "TOPOLOGY")).anySatisfy(p -> assertThat(p.message()).contains("either simple"));
        assertThat(problems(Fixtures.single().withClusters(List.of()), "TOPOLOGY")).hasSize(1);
    }

    @Test
    void connectionSettingsAreChecked() {
        Node bad = new Node("infra1", "10.0.0.300", 70000, "root", SshAuth.password(""), "SHA256:short", Map.of(), null);
        Environment environment = Fixtures.single().withClusters(List.of(Fixtures.single().clusters().get(0).withNodes(List.of(bad))));
        assertThat(validator.validate(environment)).extracting(Problem::code)
                .contains("ADDRESS", "HOST_KEY", "CREDENTIAL");
        Node noCredential = new Node("infra1", "infra1.example.org", 22, null, null, null, Map.of(), null);
        assertThat(problems(environment.withClusters(List.of(environment.clusters().get(0).withNodes(List.of(noCredential)))),
                "NO_CREDENTIAL")).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void hardwareBelowTheVendorsMinimumIsAWarningOnceFactsAreKnown() {
        NodeFacts small = new NodeFacts(Instant.now(), "api1", "Ubuntu", "24.04", 2, 4096, 20, "20.10", "active", "manager", "x");
        NodeFacts enough = new NodeFacts(Instant.now(), "api2", "Ubuntu", "24.04", 4, 5800, 40, "20.10", "active", "manager", "x");
        Environment dedicated = Fixtures.dedicated();
        Environment withFacts = dedicated.withClusters(dedicated.clusters().stream().map(c -> c.withNodes(c.nodes().stream()
                .map(n -> n.name().equals("api1") ? n.withFacts(small) : n.name().equals("api2") ? n.withFacts(enough) : n)
                .toList())).toList());

        assertThat(problems(withFacts, "HARDWARE")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.host()).isEqualTo("api1");
            assertThat(p.message()).contains("2 CPU (minimum 4)", "4096 MB RAM (minimum 6 GB)", "20 GB free disk (minimum 30 GB)", "API");
        });
        NodeFacts portalSized = new NodeFacts(Instant.now(), "p", "Ubuntu", "24.04", 2, 4096, 30, "20.10", null, null, null);
        Environment portal = dedicated.withClusters(dedicated.clusters().stream().map(c -> c.withNodes(c.nodes().stream()
                .map(n -> n.name().startsWith("portal") ? n.withFacts(portalSized) : n).toList())).toList());
        assertThat(problems(portal, "HARDWARE")).isEmpty();
    }

    // --- consistency
}
