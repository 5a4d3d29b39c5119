package io.reemo.console.inventory;

import static io.reemo.console.support.InventoryExamples.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryImporterTest {

    private final InventoryImporter importer = new InventoryImporter();

    private InventoryImporter.Result read(String yaml) {
        return importer.read(yaml, "test");
    }

    private static List<Problem> codes(InventoryImporter.Result result, String code) {
        return result.problems().stream().filter(p -> p.code().equals(code)).toList();
    }

    // --- the vendor's examples

    @ParameterizedTest
    @ValueSource(strings = {"single-server", "cluster", "dedicated"})
    void theDocumentationsExamplesImportInBothLayoutsToTheSameEnvironment(String example) {
        InventoryImporter.Result doc = read(resource(example + ".doc.yml"));
        InventoryImporter.Result strict = read(resource(example + ".strict.yml"));

        assertThat(doc.hasErrors()).as(doc.problems().toString()).isFalse();
        assertThat(strict.problems()).as("the strict layout is clean").isEmpty();
        assertThat(doc.environment()).isEqualTo(strict.environment());
        List<Problem> validation = new InMemoryEnvironments().validator().validate(strict.environment(), strict.positions());
        assertThat(validation).as("no blocking problem").noneMatch(Problem::isError);
    }

    @Test
    void theSingleServerExampleBecomesOneNodeWithItsLicense() {
        Environment environment = read(resource("single-server.doc.yml")).environment();
        assertThat(environment.topology()).isEqualTo(Topology.SINGLE);
        assertThat(environment.vars()).containsEntry("API_LICENSE", Fixtures.LICENSE);
        Node node = environment.cluster(Cluster.INFRA).orElseThrow().nodes().get(0);
        assertThat(node.name()).isEqualTo("infra_manager1");
        assertThat(node.address()).isEqualTo("10.0.0.1");
        assertThat(node.vars()).as("connection variables become the node's fields").isEmpty();
    }

    @Test
    void theDedicatedExampleHasTwoPortalClustersUnderPortalManagerAndTheApiCluster() {
        Environment environment = read(resource("dedicated.doc.yml")).environment();
        assertThat(environment.topology()).isEqualTo(Topology.DEDICATED);
        assertThat(environment.clusters()).extracting(Cluster::group)
                .containsExactly(Cluster.PORTAL_USER, Cluster.PORTAL_ADMIN, Cluster.API);
        Cluster admin = environment.cluster(Cluster.PORTAL_ADMIN).orElseThrow();
        assertThat(admin.parentGroup()).isEqualTo(Cluster.PORTAL);
        assertThat(admin.vars()).containsEntry("PORTAL_TYPE", "admin")
                .containsEntry("API_IP", List.of(Map.of("ip", "10.3.1.1"), Map.of("ip", "10.3.1.2"), Map.of("ip", "10.3.1.3")));
        assertThat(environment.cluster(Cluster.API).orElseThrow().nodes()).extracting(Node::address)
                .containsExactly("10.3.1.1", "10.3.1.2", "10.3.1.3");
    }

    @Test
    void theDocumentationLayoutGetsAWarningAtTheGroupsLine() {
        assertThat(codes(read(resource("single-server.doc.yml")), "LAYOUT")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("Ansible ignores", "child group of all", "children:");
        });
    }

    @Test
    void theMisindentedKeyFileOfTheDocumentationIsAnErrorWithLineAndColumn() {
        InventoryImporter.Result sameColumn = read(resource("dedicated.misindented-keyfile.yml"));
        assertThat(sameColumn.environment()).isNull();
        assertThat(sameColumn.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_SYNTAX");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.column()).isEqualTo(11);
        });
        InventoryImporter.Result deeper = read(resource("cluster.misindented-keyfile.yml"));
        assertThat(deeper.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(26);
            assertThat(p.message()).contains("not valid YAML", "indentation");
        });
    }

    @Test
    void aSyntaxErrorNeverQuotesTheLine() {
        InventoryImporter.Result result = read("all:\n  vars:\n    REGISTRY_PASSWORD: \"hunter2-secret\n  children: {}\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_SYNTAX");
            assertThat(p.message()).doesNotContain("hunter2-secret");
        });
    }

    // --- hostile YAML

    private static InventoryImporter.Result timed(InventoryImporter importer, String yaml) {
        long start = System.nanoTime();
        InventoryImporter.Result result = importer.read(yaml, "hostile");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused fast").isLessThan(Duration.ofSeconds(2));
        return result;
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append("]\n");
        }
        InventoryImporter.Result result = timed(importer, "all:\n  vars:\n" + bomb.toString().indent(4));
        assertThat(result.environment()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_LIMIT");
            assertThat(p.message()).contains("aliases");
        });
    }

    @Test
    void aBombWithinTheAliasLimitIsStoppedByTheExpansionBudget() {
        StringBuilder doubling = new StringBuilder("    a0: &a0 [x, x]\n");
        for (int i = 1; i < 25; i++) {
            doubling.append("    a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        InventoryImporter.Result result = timed(importer, "all:\n  vars:\n" + doubling);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_LIMIT");
            assertThat(p.message()).contains("once its aliases are expanded");
        });
    }

    @Test
    void aSelfReferencingAliasIsRefused() {
        InventoryImporter.Result result = timed(importer, "all:\n  vars:\n    LOOP: &loop [1, *loop]\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_RECURSIVE");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void deepNestingIsRefused() {
        InventoryImporter.Result result = timed(importer, "all:\n  vars:\n    DEEP: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("levels deep"));
    }

    @Test
    void aHugeDocumentIsRefused() {
        String huge = "all:\n  vars:\n    BIG: \"" + "x".repeat(SafeYaml.MAX_CODE_POINTS + 10) + "\"\n";
        InventoryImporter.Result result = timed(importer, huge);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("larger than 2 MB"));
    }

    @Test
    void globalTagsThatWouldBuildObjectsRefuseTheFile() {
        InventoryImporter.Result gadget = read("all:\n  vars:\n    X: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        assertThat(gadget.environment()).isNull();
        assertThat(gadget.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("YAML_TAG");
            assertThat(p.line()).isEqualTo(3);
        });
        InventoryImporter.Result python = read("all:\n  children:\n    infra_manager:\n      hosts:\n        h1:\n"
                + "          Y: !!python/object/apply:os.system [\"id\"]\n");
        assertThat(python.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("YAML_TAG"));
    }

    @Test
    void localTagsOnValuesAndGroupsAreErrors() {
        InventoryImporter.Result result = read("all:\n  vars:\n    X: !custom {a: 1}\n  children:\n"
                + "    infra_manager: !group\n      hosts:\n        a:\n");
        assertThat(codes(result, "YAML_TAG")).hasSize(2).allSatisfy(p -> assertThat(p.isError()).isTrue())
                .extracting(Problem::line).containsExactly(3, 5);
    }

    @Test
    void vaultValuesAreRefusedWithWhatToDoAndUnsafeValuesAreText() {
        InventoryImporter.Result result = read("all:\n  vars:\n    HMACSECRET: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n      6134\n"
                + "    NOTE: !unsafe '{{ not evaluated }}'\n");
        assertThat(codes(result, "VAULT")).singleElement().satisfies(p -> assertThat(p.message()).contains("ansible-vault decrypt"));
        assertThat(result.environment().vars()).containsEntry("NOTE", "{{ not evaluated }}");
    }

    // --- structure

    @Test
    void aKeyWrittenTwiceIsAnErrorBecauseAnsibleWouldDropOne() {
        InventoryImporter.Result result = read("all:\n  children:\n    infra_manager:\n      hosts:\n        a:\n      hosts:\n        b:\n");
        assertThat(codes(result, "DUPLICATE_KEY")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("first on line 4");
        });
    }

    @Test
    void hostsWrittenAsAListAreAnError() {
        InventoryImporter.Result result = read("all:\n  children:\n    infra_manager:\n      hosts:\n        - infra1\n");
        assertThat(codes(result, "LAYOUT")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void aVariableWrittenBesideVarsIsAnError() {
        InventoryImporter.Result result = read("all:\n  API_LICENSE: \"x\"\n  children:\n    infra_manager:\n      hosts:\n        a:\n");
        assertThat(codes(result, "LAYOUT")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.variable()).isEqualTo("API_LICENSE");
            assertThat(p.message()).contains("all.vars");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only a comment\n", "just text\n", "- a\n- b\n"})
    void somethingThatIsNotAnInventoryIsAnError(String yaml) {
        InventoryImporter.Result result = read(yaml);
        assertThat(result.environment()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void mergeKeysAreApplied() {
        InventoryImporter.Result result = read("all:\n  children:\n    infra_manager:\n      hosts:\n"
                + "        a: &defaults {ansible_user: deploy, ansible_port: 2222}\n"
                + "        b:\n          <<: *defaults\n          ansible_port: 2200\n");
        Node b = result.environment().node("b").orElseThrow();
        assertThat(b.sshUser()).isEqualTo("deploy");
        assertThat(b.sshPort()).isEqualTo(2200);
    }

    @Test
    void yamlScalarsAreTypedAsAnsibleTypesThem() {
        Environment environment = read("all:\n  vars:\n    A: yes\n    B: \"yes\"\n    C: 0x1F\n    D: 1_000\n    E: 1.5\n    F:\n    G: 2001-12-14\n").environment();
        assertThat(environment.vars()).containsEntry("A", true).containsEntry("B", "yes").containsEntry("C", 31)
                .containsEntry("D", 1000).containsEntry("E", 1.5).containsEntry("F", null).containsEntry("G", "2001-12-14");
    }

    // --- Ansible connection variables

    @Test
    void connectionVariablesAreHonouredWhereverAnsibleAllowsThem() {
        InventoryImporter.Result result = read("""
                all:
                  vars:
                    ansible_user: ubuntu
                    ansible_ssh_private_key_file: /keys/reemo
                  children:
                    infra_manager:
                      vars:
                        ansible_port: 2222
                      hosts:
                        infra1:
                          ansible_host: 10.0.0.1
                        infra2:
                          ansible_host: 10.0.0.2
                          ansible_port: "22"
                          ansible_user: root
                        infra3:
                          ansible_password: node3-password
                          ansible_ssh_private_key_file: ~/.ssh/other
                        infra4.example.org:
                          ansible_ssh_private_key_file: null
                          ansible_password: node4-password
                """);
        Environment environment = result.environment();
        Node infra1 = environment.node("infra1").orElseThrow();
        assertThat(infra1.address()).isEqualTo("10.0.0.1");
        assertThat(infra1.sshPort()).isEqualTo(2222);
        assertThat(infra1.sshUser()).isEqualTo("ubuntu");
        assertThat(infra1.auth()).isEqualTo(SshAuth.keyFile("/keys/reemo"));
        Node infra2 = environment.node("infra2").orElseThrow();
        assertThat(infra2.sshPort()).isEqualTo(22);
        assertThat(infra2.sshUser()).isEqualTo("root");
        Node infra3 = environment.node("infra3").orElseThrow();
        assertThat(infra3.address()).as("Ansible's default: the host's name").isEqualTo("infra3");
        assertThat(infra3.auth()).isEqualTo(SshAuth.keyFile("~/.ssh/other"));
        assertThat(infra3.vars()).as("the unused password is kept").containsEntry("ansible_password", "node3-password");
        assertThat(environment.node("infra4.example.org").orElseThrow().auth()).isEqualTo(SshAuth.password("node4-password"));
        assertThat(environment.vars()).containsEntry("ansible_user", "ubuntu");
    }

    @Test
    void aWrongPortIsAnErrorAtItsLine() {
        InventoryImporter.Result result = read("all:\n  children:\n    infra_manager:\n      hosts:\n        a:\n          ansible_port: ssh\n");
        assertThat(codes(result, "ADDRESS")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.host()).isEqualTo("a");
        });
    }

    // --- groups the console does not manage

    @Test
    void subGroupsOfAClusterAreFlattenedWithTheirVarsOnTheirHosts() {
        InventoryImporter.Result result = read("""
                all:
                  children:
                    infra_manager:
                      children:
                        dc1:
                          vars:
                            RACK: r1
                          hosts:
                            a:
                            b:
                              RACK: r2
                """);
        assertThat(result.environment().cluster(Cluster.INFRA).orElseThrow().nodes()).extracting(Node::name).containsExactly("a", "b");
        assertThat(result.environment().node("a").orElseThrow().vars()).containsEntry("RACK", "r1");
        assertThat(result.environment().node("b").orElseThrow().vars()).containsEntry("RACK", "r2");
        assertThat(codes(result, "GROUP_FLATTENED")).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(5));
    }

    @Test
    void otherRolesGroupsAndUngroupedHostsAreLeftOutWithAWarning() {
        InventoryImporter.Result result = read("""
                all:
                  hosts:
                    lonely:
                  children:
                    infra_manager:
                      hosts:
                        a:
                    relayws_manager:
                      hosts:
                        relay1:
                """);
        assertThat(result.environment().nodes()).extracting(Node::name).containsExactly("a");
        assertThat(codes(result, "UNMANAGED_GROUP")).hasSize(2).noneMatch(Problem::isError)
                .anySatisfy(p -> assertThat(p.message()).contains("relayws_manager", "relay1"))
                .anySatisfy(p -> assertThat(p.message()).contains("lonely"));
    }

    @Test
    void hostsDirectlyInPortalManagerAreAnError() {
        InventoryImporter.Result result = read("all:\n  children:\n    portal_manager:\n      hosts:\n        p1:\n");
        assertThat(codes(result, "LAYOUT")).singleElement().satisfies(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void aHostInTwoClusterGroupsBecomesTwoNodesForTheValidatorToReport() {
        InventoryImporter.Result result = read(resource("dedicated.strict.yml")
                .replace("        api1:\n", "        api1:\n          ansible_host: \"10.3.1.1\"\n        portaluser1:\n"));
        List<Problem> problems = new InMemoryEnvironments().validator().validate(result.environment(), result.positions());
        assertThat(problems).filteredOn(p -> p.code().equals("NODE_IN_TWO_CLUSTERS"))
                .anySatisfy(p -> assertThat(p.message()).contains("portaluser1", "api_manager"));
    }
}
