package io.reemo.console.inventory;

import static io.reemo.console.support.InventoryExamples.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.VariableCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class InventoryExporterTest {

    private final InventoryImporter importer = new InventoryImporter();
    private final InventoryExporter exporter = new InventoryExporter(new VariableCatalogue());

    @ParameterizedTest
    @ValueSource(strings = {"single-server.doc.yml", "cluster.doc.yml", "dedicated.doc.yml"})
    void anExportWithSecretsImportsBackToTheSameEnvironmentWithoutAnyProblem(String example) {
        Environment original = importer.read(resource(example), "e").environment();

        String exported = exporter.export(original, true);
        InventoryImporter.Result again = importer.read(exported, "e");

        assertThat(again.problems()).as("the export is in the strict layout").isEmpty();
        assertThat(again.environment()).isEqualTo(original);
    }

    @Test
    void everyGroupIsUnderAllChildrenAndThePortalClustersUnderPortalManager() {
        Environment dedicated = importer.read(resource("dedicated.doc.yml"), "e").environment();
        Map<String, Object> all = all(exporter.export(dedicated, true));

        assertThat(all).containsOnlyKeys("vars", "children");
        Map<String, Object> children = map(all.get("children"));
        assertThat(children).containsOnlyKeys("portal_manager", "api_manager");
        assertThat(map(map(children.get("portal_manager")).get("children"))).containsOnlyKeys("portaluser_manager", "portaladmin_manager");
    }

    /** M2 of the security review: a name with a line break must not end its header comment and inject host vars. */
    @Test
    void namesWithLineBreaksStayInsideTheirHeaderComments() {
        String injected = "\nevil:\n  hosts:\n    n1:\n      ansible_ssh_common_args: -o ProxyCommand=x\n#";
        Node node = new Node("n1" + injected, "10.0.0.1", 22, "root", SshAuth.key(Fixtures.PEM_KEY), null, Map.of(), null);
        Environment environment = new Environment(null, "prod\r" + injected + "\u2028x:\u0085y", Fixtures.single().topology(),
                Fixtures.allVars(), List.of(new Cluster(Cluster.INFRA, null, null, Map.of(), List.of(node))));

        String exported = exporter.export(environment, false);
        String header = exported.substring(0, exported.indexOf("\nall:") + 1);
        assertThat(header.lines()).allMatch(line -> line.startsWith("# "));
        assertThat(header).doesNotContain("\r", "\u2028", "\u0085").contains("prod??evil:?  hosts:");
        assertThat(all(exported)).containsOnlyKeys("vars", "children");
        assertThat(new Yaml().<Map<String, Object>>load(exported)).containsOnlyKeys("all");
    }

    @Test
    void secretsInsideAMapVariableAreLeftOutUnlessAsked() {
        Environment environment = Fixtures.withAll(Fixtures.single(), "LDAP",
                Map.of("host", "ldap.example.org", "bind_password", "ldap-bind-secret"));

        String without = exporter.export(environment, false);
        assertThat(without).doesNotContain("ldap-bind-secret").contains("LDAP.bind_password (all.vars)");
        assertThat(map(all(without).get("vars"))).containsEntry("LDAP", Map.of("host", "ldap.example.org"));
        assertThat(map(all(exporter.export(environment, true)).get("vars")))
                .containsEntry("LDAP", Map.of("host", "ldap.example.org", "bind_password", "ldap-bind-secret"));
    }

    @Test
    void secretsAreLeftOutAndNamedInTheHeaderUnlessAsked() {
        Environment cluster = importer.read(resource("cluster.strict.yml"), "e").environment();

        String without = exporter.export(cluster, false);
        assertThat(without).doesNotContain(Fixtures.LICENSE, "registry-password", "smtp-password")
                .contains("# Secrets left out (an administrator can export them): API_LICENSE (all.vars), "
                        + "REGISTRY_PASSWORD (all.vars), EXIM_PASSWORD (all.vars).");
        assertThat(map(all(without).get("vars"))).doesNotContainKeys("API_LICENSE", "REGISTRY_PASSWORD", "EXIM_PASSWORD")
                .containsEntry("REGISTRY_USERNAME", "customer");

        String with = exporter.export(cluster, true);
        assertThat(with).doesNotContain("Secrets left out");
        assertThat(map(all(with).get("vars"))).containsEntry("API_LICENSE", Fixtures.LICENSE)
                .containsEntry("EXIM_PASSWORD", "smtp.domain.tld:mailer:smtp-password");
    }

    @Test
    void connectionVariablesAreWrittenOnlyWhereTheyDifferFromWhatTheHostInherits() {
        Environment environment = importer.read("""
                all:
                  vars:
                    ansible_user: ubuntu
                  children:
                    infra_manager:
                      hosts:
                        a:
                          ansible_host: 10.0.0.1
                        b:
                          ansible_host: 10.0.0.2
                          ansible_user: root
                          ansible_port: 2222
                          ansible_ssh_private_key_file: /keys/b
                """, "e").environment();

        Map<String, Object> hosts = hosts(exporter.export(environment, false), "infra_manager");

        assertThat(map(hosts.get("a"))).containsExactly(Map.entry("ansible_host", "10.0.0.1"));
        assertThat(map(hosts.get("b"))).containsEntry("ansible_user", "root").containsEntry("ansible_port", 2222)
                .containsEntry("ansible_ssh_private_key_file", "/keys/b");
    }

    @Test
    void passwordsAreSecretsAndKeysHeldByTheConsoleAreNeverWritten() {
        Node withPassword = new Node("a", "10.0.0.1", 22, "root", SshAuth.password("node-password"), null, Map.of(), null);
        Node withKey = Fixtures.node("b", "10.0.0.2");
        Environment environment = Fixtures.single().withClusters(List.of(
                new Cluster(Cluster.INFRA, null, null, Map.of(), List.of(withPassword, withKey))));

        String without = exporter.export(environment, false);
        assertThat(without).doesNotContain("node-password", "PRIVATE KEY").contains("ansible_password (host a)",
                "The private keys of b are held by the console");
        String with = exporter.export(environment, true);
        assertThat(map(hosts(with, "infra_manager").get("a"))).containsEntry("ansible_password", "node-password");
        assertThat(with).doesNotContain("PRIVATE KEY");
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        Environment environment = Fixtures.withAll(Fixtures.single(), "HEALTHCHECK_ENABLE", "true");
        environment = Fixtures.withAll(environment, "TRAEFIK_PROMETHEUS_ENABLE", true);
        environment = Fixtures.withAll(environment, "INIT_MINIMUM_PASSWORD_LENGTH", "12");

        Map<String, Object> vars = map(all(exporter.export(environment, false)).get("vars"));

        assertThat(vars).containsEntry("HEALTHCHECK_ENABLE", "true").containsEntry("TRAEFIK_PROMETHEUS_ENABLE", true)
                .containsEntry("INIT_MINIMUM_PASSWORD_LENGTH", "12");
    }

    private static Map<String, Object> all(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        assertThat(root).containsOnlyKeys("all");
        return map(root.get("all"));
    }

    private static Map<String, Object> hosts(String yaml, String group) {
        return map(map(map(all(yaml).get("children")).get(group)).get("hosts"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
