package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EnvironmentJsonTest {

    private final VariableCatalogue catalogue = new VariableCatalogue();
    private final JsonMapper json = JsonMapper.shared();

    private Environment stored() {
        Environment environment = Fixtures.withAll(Fixtures.dedicated(), "MY_API_TOKEN", "tok-123456");
        return environment.withId(7L).withClusters(environment.clusters().stream().map(c -> c.withNodes(c.nodes().stream()
                .map(n -> n.name().equals("api1") ? n.withHostKey("SHA256:" + "A".repeat(43)).withAuth(SshAuth.password("pw-api1")) : n)
                .toList())).toList());
    }

    @Test
    void theViewNeverHoldsASecretValue() {
        EnvironmentJson view = EnvironmentJson.of(stored(), catalogue, json);
        String text = json.writeValueAsString(view);

        assertThat(text).doesNotContain(Fixtures.LICENSE, "reemohmac", "registry-password", "tok-123456", "pw-api1",
                "OPENSSH PRIVATE KEY");
        assertThat(view.vars().get("HMACSECRET")).isEqualTo(Map.of("set", true));
        assertThat(view.vars().get("REGISTRY_USERNAME")).isEqualTo("customer");
        assertThat(view.vars().get("API_LICENSE")).isEqualTo(Map.of("set", true,
                "jsonKeys", List.of("customer", "licenseId", "expires", "features", "seats")));
        EnvironmentJson.NodeJson api1 = view.clusters().get(2).nodes().get(0);
        assertThat(api1.auth().password()).isEqualTo(Map.of("set", true));
        assertThat(api1.hostKeySha256()).startsWith("SHA256:");
    }

    @Test
    void sendingTheViewBackKeepsEverySecret() {
        Environment before = stored();
        EnvironmentJson view = json.readValue(json.writeValueAsString(EnvironmentJson.of(before, catalogue, json)), EnvironmentJson.class);

        Environment after = view.toModel(before, catalogue);

        assertThat(after.vars()).isEqualTo(before.vars());
        assertThat(after.node("api1").orElseThrow().auth()).isEqualTo(SshAuth.password("pw-api1"));
        assertThat(after.node("portaluser1").orElseThrow().auth()).isEqualTo(before.node("portaluser1").orElseThrow().auth());
        assertThat(after.node("api1").orElseThrow().hostKeySha256()).isEqualTo(before.node("api1").orElseThrow().hostKeySha256());
    }

    @Test
    void anAbsentEmptyOrMaskedSecretKeepsTheStoredOneANewValueReplacesItAndSetFalseRemovesIt() {
        Environment before = stored();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("API_LICENSE", "");
        vars.put("REGISTRY_USERNAME", "customer");
        vars.put("REGISTRY_PASSWORD", "new-registry-password");
        vars.put("MY_API_TOKEN", Map.of("set", false));
        vars.put("HMACSECRET", "******");
        EnvironmentJson input = new EnvironmentJson(null, "renamed", null, vars, EnvironmentJson.of(before, catalogue, json).clusters(), null);

        Environment after = input.toModel(before, catalogue);

        assertThat(after.id()).isEqualTo(7L);
        assertThat(after.name()).isEqualTo("renamed");
        assertThat(after.topology()).isEqualTo(Topology.DEDICATED);
        assertThat(after.vars()).containsEntry("API_LICENSE", Fixtures.LICENSE)
                .containsEntry("HMACSECRET", "reemohmac")
                .containsEntry("REGISTRY_PASSWORD", "new-registry-password")
                .doesNotContainKey("MY_API_TOKEN");
    }

    @Test
    void secretsInsideAMapOrListVariableAreShownAsSetAndKeptWhenSentBack() {
        Map<String, Object> ldap = new LinkedHashMap<>();
        ldap.put("host", "ldap.example.org");
        ldap.put("bind_password", "ldap-bind-secret");
        List<Object> users = List.of(Map.of("name", "ops", "password", "ops-user-secret"));
        Environment before = Fixtures.withAll(Fixtures.withAll(stored(), "LDAP", ldap), "EXTRA_USERS", users);

        EnvironmentJson view = EnvironmentJson.of(before, catalogue, json);
        assertThat(json.writeValueAsString(view)).doesNotContain("ldap-bind-secret", "ops-user-secret");
        assertThat(view.vars().get("LDAP")).isEqualTo(Map.of("host", "ldap.example.org", "bind_password", Map.of("set", true)));
        assertThat(view.vars().get("EXTRA_USERS")).isEqualTo(List.of(Map.of("name", "ops", "password", Map.of("set", true))));

        EnvironmentJson sentBack = json.readValue(json.writeValueAsString(view), EnvironmentJson.class);
        assertThat(sentBack.toModel(before, catalogue).vars()).containsEntry("LDAP", ldap).containsEntry("EXTRA_USERS", users);

        Map<String, Object> vars = new LinkedHashMap<>(sentBack.vars());
        vars.put("LDAP", Map.of("host", "ldap2.example.org", "bind_password", "new-bind-secret"));
        vars.put("EXTRA_USERS", List.of(Map.of("name", "ops", "password", Map.of("set", false))));
        Environment changed = new EnvironmentJson(null, "x", null, vars, sentBack.clusters(), null).toModel(before, catalogue);
        assertThat(changed.vars()).containsEntry("LDAP", Map.of("host", "ldap2.example.org", "bind_password", "new-bind-secret"))
                .containsEntry("EXTRA_USERS", List.of(Map.of("name", "ops")));
    }

    @Test
    void aNewCredentialKindNeedsItsSecret() {
        Environment before = stored();
        EnvironmentJson view = EnvironmentJson.of(before, catalogue, json);
        EnvironmentJson.ClusterJson api = view.clusters().get(2);
        EnvironmentJson.NodeJson api1 = api.nodes().get(0);
        EnvironmentJson.NodeJson switched = new EnvironmentJson.NodeJson(api1.name(), api1.address(), api1.sshPort(), api1.sshUser(),
                new EnvironmentJson.AuthJson(SshAuth.Kind.KEY, Map.of("set", true), null, null), null, Map.of(), null);
        List<EnvironmentJson.ClusterJson> clusters = List.of(view.clusters().get(0), view.clusters().get(1),
                new EnvironmentJson.ClusterJson(api.group(), api.parentGroup(), api.parentVars(), api.vars(),
                        List.of(switched, api.nodes().get(1), api.nodes().get(2))));

        Environment after = new EnvironmentJson(null, "x", null, view.vars(), clusters, null).toModel(before, catalogue);

        assertThat(after.node("api1").orElseThrow().auth()).isEqualTo(new SshAuth(SshAuth.Kind.KEY, null, null, null));
    }

    @Test
    void aNewEnvironmentGetsItsTopologyFromItsClustersAndTheDefaultConnection() {
        EnvironmentJson.NodeJson node = new EnvironmentJson.NodeJson("infra1", "10.0.0.1", null, null,
                new EnvironmentJson.AuthJson(SshAuth.Kind.PASSWORD, null, null, "pw"), "SHA256:ignored", null, null);
        EnvironmentJson input = new EnvironmentJson(null, " new ", null, Map.of("API_LICENSE", Fixtures.LICENSE),
                List.of(new EnvironmentJson.ClusterJson(Cluster.INFRA, null, null, null, List.of(node))), null);

        Environment created = input.toModel(null, catalogue);

        assertThat(created.name()).isEqualTo("new");
        assertThat(created.topology()).isEqualTo(Topology.SINGLE);
        Node infra1 = created.node("infra1").orElseThrow();
        assertThat(infra1.sshPort()).isEqualTo(22);
        assertThat(infra1.sshUser()).isEqualTo("root");
        assertThat(infra1.auth().password()).isEqualTo("pw");
        assertThat(infra1.hostKeySha256()).as("pinned only through the host-key call").isNull();
    }
}
