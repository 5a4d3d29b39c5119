package io.reemo.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {

    private final ServiceCatalogue catalogue = new ServiceCatalogue(new VariableCatalogue());

    static Node node(String name, String address) {
        return new Node(name, address, 22, "root", SshAuth.keyFile("/root/.ssh/id_ed25519"), null, Map.of(), null);
    }

    static Environment cluster(Map<String, Object> vars) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("API_LICENSE", "ewogICJhIjogMQp9", "REGISTRY_URL", "10.199.0.100:5000",
                "REGISTRY_ENV", "reemoinfra", "HMACSECRET", "hmac-secret-value"));
        all.putAll(vars);
        return new Environment(1L, "prod", Topology.CLUSTER, all, List.of(new Cluster(Cluster.INFRA, null, Map.of(),
                Map.of("PORTAL_URL", "portal.example.org"),
                List.of(node("node1", "10.199.0.1"), node("node2", "10.199.0.2"), node("node3", "10.199.0.3")))));
    }

    @Test
    void threeNodeClusterGetsTheWholeCatalogueWithTheDocumentedReplicas() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of()), CatalogueInput.withoutTls()).clusters().get(0);

        assertThat(infra.services()).extracting(ServiceSpec::name).containsExactly("traefik", "reemo_portal",
                "reemo_signal1", "reemo_signal2", "reemo_signal3", "reemo_api", "reemo_apicron", "reemo_apicronlog",
                "reemo_apicronldap", "reemo_proapi", "reemo_prorelayapi", "reemo_db", "reemo_mysql");
        assertThat(infra.service("reemo_api").orElseThrow()).satisfies(api -> {
            assertThat(api.replicas()).isEqualTo(4);
            assertThat(api.maxPerNode()).isEqualTo(4);
            assertThat(api.image()).isEqualTo("10.199.0.100:5000/reemoinfraapi:2.13.10");
        });
        assertThat(infra.service("reemo_portal").orElseThrow().replicas()).isEqualTo(2);
        assertThat(infra.service("reemo_db").orElseThrow().replicas()).isZero();
        assertThat(infra.service("reemo_db").orElseThrow().runOnce()).isTrue();
        assertThat(infra.service("traefik").orElseThrow().global()).isTrue();
        assertThat(infra.service("traefik").orElseThrow().ports()).extracting(ServiceSpec.Port::published).containsExactly(80, 443, 8443);
        assertThat(infra.service("reemo_signal2").orElseThrow().constraints()).containsExactly("node.hostname==node2");
        assertThat(infra.managerOrder()).containsExactly("node1", "node2", "node3");
    }

    @Test
    void internalMysqlIsPinnedToItsDataNodeAndMountsOptReemo() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of("MYSQL_NODE", "node2")), CatalogueInput.withoutTls()).clusters().get(0);

        ServiceSpec mysql = infra.service("reemo_mysql").orElseThrow();
        assertThat(mysql.constraints()).containsExactly("node.labels.reemo.mysql==true");
        assertThat(mysql.mounts()).containsExactly(new ServiceSpec.Mount("/opt/reemo/mysql", "/var/lib/mysql"));
        assertThat(infra.nodeLabels()).isEqualTo(Map.of("node2", Map.of("reemo.mysql", "true")));
    }

    @Test
    void externalDatabaseReplacesTheInternalMysql() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of("DB_HOST", "10.9.9.9", "DB_NAME", "reemo",
                "DB_USER", "reemo", "DB_USER_PASSWORD", "db-secret-value", "DB_DIALECT", "mysql")), CatalogueInput.withoutTls()).clusters().get(0);

        assertThat(infra.service("reemo_mysql")).isEmpty();
        assertThat(infra.service("reemo_api").orElseThrow().env()).containsEntry("DB_HOST", "10.9.9.9").doesNotContainValue("db-secret-value");
    }

    @Test
    void secretsReachContainersAsSwarmSecretsNeverAsEnvironment() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of()), CatalogueInput.withoutTls()).clusters().get(0);

        ServiceSpec portal = infra.service("reemo_portal").orElseThrow();
        assertThat(portal.env()).containsEntry("HMACSECRET_FILE", "/run/secrets/HMACSECRET").doesNotContainKey("HMACSECRET");
        assertThat(portal.env().values()).noneMatch(v -> v.contains("hmac-secret-value"));
        SwarmObject hmac = infra.objects().stream().filter(o -> o.baseName().equals("reemo_hmacsecret")).findFirst().orElseThrow();
        assertThat(new String(hmac.data(), StandardCharsets.UTF_8)).isEqualTo("hmac-secret-value");
        assertThat(hmac.toString()).doesNotContain("hmac-secret-value");
        assertThat(portal.secrets()).contains(new ServiceSpec.SecretMount(hmac.name(), "HMACSECRET"));
    }

    @Test
    void maintenanceRoutesTheUserPortalToTheMaintenancePageAndLeavesTheRestAlone() {
        Environment normal = cluster(Map.of("PORTALADMIN_URL", "admin.example.org"));
        DesiredCluster before = catalogue.desiredState(normal, CatalogueInput.withoutTls()).clusters().get(0);
        DesiredCluster during = catalogue.desiredState(normal, CatalogueInput.withoutTls().withMaintenance(true)).clusters().get(0);

        assertThat(during.service("reemo_maintenance")).isPresent();
        assertThat(before.service("reemo_maintenance")).isEmpty();
        String routes = traefikConfig(during);
        assertThat(routes).contains("Host(`portal.example.org`)").contains("http://reemo_maintenance:8080")
                .contains("Host(`admin.example.org`)").contains("http://reemo_portal:8080");
        // API, portal and signals keep the very same spec: only Traefik and the maintenance page change.
        for (String name : List.of("reemo_api", "reemo_portal", "reemo_signal1", "reemo_db")) {
            assertThat(during.service(name)).isEqualTo(before.service(name));
        }
    }

    @Test
    void dedicatedModeSplitsPortalAndApiServices() {
        Environment dedicated = new Environment(2L, "dmz", Topology.DEDICATED, Map.of("API_LICENSE", "ewogICJhIjogMQp9", "HMACSECRET", "shared-hmac"), List.of(
                new Cluster(Cluster.PORTAL_USER, Cluster.PORTAL, Map.of(), Map.of("PORTAL_URL", "url.domain.tld", "PORTAL_TYPE", "user",
                        "API_IP", List.of(Map.of("ip", "10.3.1.1"))), List.of(node("portaluser1", "10.0.0.1"))),
                new Cluster(Cluster.API, null, Map.of(), Map.of(), List.of(node("api1", "10.3.1.1")))));

        DesiredState state = catalogue.desiredState(dedicated, CatalogueInput.withoutTls());

        assertThat(state.clusters().get(0).services()).extracting(ServiceSpec::name)
                .containsExactly("traefik", "reemo_portal", "reemo_signal1");
        assertThat(state.clusters().get(0).service("reemo_portal").orElseThrow().env())
                .containsEntry("PORTAL_TYPE", "user").containsEntry("API_IP", "10.3.1.1");
        assertThat(state.clusters().get(1).services()).extracting(ServiceSpec::name)
                .contains("traefik", "reemo_api", "reemo_db", "reemo_mysql").doesNotContain("reemo_portal", "reemo_signal1");
    }

    @Test
    void theRoutesAreWhatTraefiksConfigurationSaysAndWhatTheyServe() {
        Environment environment = cluster(Map.of("PORTALADMIN_URL", "admin.example.org", "PORTALADMIN_URL_RESTRICT_IP", "10.9.0.0/16"));
        Cluster infra = environment.clusters().get(0);

        List<Route> routes = catalogue.routes(environment, infra, false);
        assertThat(routes).extracting(Route::name, Route::entryPoint, Route::host, Route::serves, Route::port).containsExactly(
                Tuple.tuple("portal", Route.WEBSECURE, "portal.example.org", Component.PORTAL, 443),
                Tuple.tuple("portaladmin", Route.WEBSECURE, "admin.example.org", Component.PORTAL, 443),
                Tuple.tuple("signal", Route.SIGNAL, "", Component.SIGNAL, 8443));
        assertThat(routes.get(1).allowListVariable()).isEqualTo("PORTALADMIN_URL_RESTRICT_IP");
        assertThat(routes.get(1).allowList()).isEqualTo("10.9.0.0/16");
        assertThat(routes.get(2).catchAll()).isTrue();
        assertThat(routes.get(2).backends()).containsExactly("reemo_signal1", "reemo_signal2", "reemo_signal3");
        String config = traefikConfig(catalogue.desiredState(environment, CatalogueInput.withoutTls()).clusters().get(0));
        assertThat(config).contains("Host(`admin.example.org`)").contains("- 10.9.0.0/16").contains("http://reemo_signal3:8080");

        assertThat(catalogue.routes(environment, infra, true)).extracting(Route::serves)
                .containsExactly(Component.MAINTENANCE, Component.PORTAL, Component.SIGNAL);
    }

    @Test
    void anApiClusterRoutesEverythingToTheApi() {
        Cluster api = new Cluster(Cluster.API, null, Map.of(), Map.of(), List.of(node("api1", "10.3.1.1")));
        Environment dedicated = new Environment(2L, "dmz", Topology.DEDICATED, Map.of("API_LICENSE", "ewogICJhIjogMQp9"), List.of(api));

        assertThat(catalogue.routes(dedicated, api, true)).singleElement().satisfies(route -> {
            assertThat(route.catchAll()).isTrue();
            assertThat(route.serves()).isEqualTo(Component.API);
            assertThat(route.backends()).containsExactly("reemo_api");
        });
    }

    @Test
    void tagsSelectTheirServicesOnly() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of()), CatalogueInput.withoutTls()).clusters().get(0);

        assertThat(infra.services().stream().filter(s -> ServiceCatalogue.selectedByTags(s, List.of("signal", "db"))))
                .extracting(ServiceSpec::name).containsExactly("reemo_signal1", "reemo_signal2", "reemo_signal3", "reemo_db");
    }

    @Test
    void servicesLogToSyslogWithTheirFacility() {
        DesiredCluster infra = catalogue.desiredState(cluster(Map.of("SYSLOG_FACILITY", "local3", "SYSLOG_FACILITY_API", "local5")),
                CatalogueInput.withoutTls()).clusters().get(0);

        assertThat(infra.service("reemo_api").orElseThrow().logOptions()).containsEntry("syslog-facility", "local5").containsEntry("tag", "reemo_api");
        assertThat(infra.service("reemo_portal").orElseThrow().logOptions()).containsEntry("syslog-facility", "local3");
    }

    static String traefikConfig(DesiredCluster cluster) {
        String name = cluster.service("traefik").orElseThrow().configs().get(0).configName();
        return cluster.objects().stream().filter(o -> o.name().equals(name))
                .map(o -> new String(o.data(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
