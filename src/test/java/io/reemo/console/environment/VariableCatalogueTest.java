package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VariableCatalogueTest {

    private final VariableCatalogue catalogue = new VariableCatalogue();

    /** Every variable of platform.md §3, as the vendor spells it. */
    private static final List<String> DOCUMENTED = List.of("API_LICENSE", "HMACSECRET", "REGISTRY_URL", "REGISTRY_ENV",
            "REGISTRY_USERNAME", "REGISTRY_PASSWORD", "PROVISION_IMAGE_WARMUP", "DOCKER_VERSION_API",
            "DOCKER_VERSION_APICRON", "DOCKER_VERSION_APICRONLDAP", "DOCKER_VERSION_APICRONLOG", "DOCKER_VERSION_PORTAL",
            "DOCKER_VERSION_SIGNAL", "DOCKER_VERSION_PROAPI", "DOCKER_VERSION_EXIM4", "DOCKER_VERSION_HAPROXY",
            "DOCKER_VERSION_DB", "DOCKER_VERSION_PRORELAYAPI", "DOCKER_VERSION_WS_RELAY_SERVER", "DOCKER_VERSION_MYSQL",
            "DOCKER_VERSION_TRAEFIK", "DB_USER", "DB_USER_PASSWORD", "DB_NAME", "DB_HOST", "DB_DIALECT", "PORTAL_URL",
            "PORTAL_URL_RESTRICT_IP", "PORTALADMIN_URL", "PORTALADMIN_URL_RESTRICT_IP", "PORTAL_TYPE", "API_IP",
            "TRAEFIK_SSL_CERTS", "TRAEFIK_PROMETHEUS_ENABLE", "HEALTHCHECK_ENABLE", "RELAYS_IP", "RELAYS_URL",
            "RELAYWS_INSTALL_DOCKER", "RELAYWS_NGINX_PORT", "RELAYWS_NGINX_SSL_VERIFY_CLIENT", "RELAYWS_NGINX_SSL_CLIENT_S_DN",
            "CA_SSL_CRT_LOCALPATH", "RELAYWS_SSL_CRT_LOCALPATH", "RELAYWS_SSL_KEY_LOCALPATH", "INIT_MINIMUM_PASSWORD_LENGTH",
            "INIT_PASSWORD_REQUIRE_LETTERS", "INIT_PASSWORD_REQUIRE_DIGITS", "INIT_PASSWORD_REQUIRE_SPECIALCHAR",
            "SYSLOG_FACILITY", "SYSLOG_FACILITY_API", "SYSLOG_FACILITY_APICRON", "SYSLOG_FACILITY_DB",
            "SYSLOG_FACILITY_EXIM4", "SYSLOG_FACILITY_MYSQL", "SYSLOG_FACILITY_PORTAL", "SYSLOG_FACILITY_PORTALADMIN",
            "SYSLOG_FACILITY_SIGNAL", "SYSLOG_FACILITY_PROAPI", "SYSLOG_FACILITY_STUN", "SYSLOG_FACILITY_PRORELAYAPI",
            "SYSLOG_FACILITY_PROCLOUDAPI", "SYSLOG_FACILITY_APICRONLOG", "SYSLOG_FACILITY_APICRONLDAP",
            "SYSLOG_FACILITY_APICRONCLOUD", "SYSLOG_FACILITY_HAPROXY", "SYSLOG_FACILITY_TRAEFIK", "CRON_ENABLE",
            "API_cronGhostContainersMinutes", "API_MAIL_ACTIVE", "API_MAIL_BASEURL", "EXIM_SMARTHOST", "EXIM_PASSWORD",
            "API_useAlternateLDAPHost", "INSTALL_DOCKER", "INIT_DB", "MAINTENANCE_ENABLE");

    @Test
    void knowsEveryVariableOfTheVendorDocumentationWithHelp() {
        assertThat(DOCUMENTED).allSatisfy(name -> assertThat(catalogue.find(name)).as(name)
                .hasValueSatisfying(v -> assertThat(v.help()).isNotBlank()));
    }

    @Test
    void marksTheConsoleExtensions() {
        assertThat(List.of("REGISTRY_IMAGE_MODE", "TRAEFIK_CERT_MODE", "TRAEFIK_SSL_CERTS_ON_SERVER", "PKI_MODE",
                "PKI_CA_CERT", "PKI_CA_KEY", "OPT_REEMO_REPLICATED"))
                .allSatisfy(name -> assertThat(catalogue.find(name).orElseThrow().extension()).as(name).isTrue());
        assertThat(catalogue.find("PORTAL_URL").orElseThrow().extension()).isFalse();
        assertThat(catalogue.find("REGISTRY_IMAGE_MODE").orElseThrow().allowedValues())
                .containsExactly("online", "proxy", "offline", "preloaded");
        assertThat(catalogue.find("PKI_MODE").orElseThrow().allowedValues()).containsExactly("generated", "your-ca", "your-certs");
    }

    @Test
    void theScopesFollowTheVendorsRule() {
        assertThat(catalogue.find("API_LICENSE").orElseThrow().scope()).isEqualTo(Scope.ALL);
        assertThat(catalogue.find("PORTAL_URL").orElseThrow().scope()).isEqualTo(Scope.GROUP);
        assertThat(catalogue.find("API_useAlternateLDAPHost").orElseThrow().scope()).isEqualTo(Scope.API_GROUP);
        assertThat(catalogue.find("INIT_DB").orElseThrow().scope()).isEqualTo(Scope.CLI);
        assertThat(catalogue.find("DB_HOST").orElseThrow().scope()).isEqualTo(Scope.ANYWHERE);
    }

    @Test
    void theDefaultVersionsAreTheDocumentedTableReadFromTheVersionsFile() throws IOException {
        assertThat(catalogue.defaultVersion("api")).isEqualTo("2.13.10");
        assertThat(catalogue.defaultVersion("DOCKER_VERSION_HAPROXY")).isEqualTo("2.8.13-8eb4f8c");
        assertThat(catalogue.defaultVersion("ws-relay-server")).isEqualTo("1.0.0");
        assertThat(catalogue.defaultVersion("mysql")).isEqualTo("8.0.40-0ubuntu0.24.04.1");
        assertThat(catalogue.defaultVersion("traefik")).isEqualTo("v2.11");
        assertThat(catalogue.find("DOCKER_VERSION_PORTAL").orElseThrow().defaultValue()).isEqualTo("2.12.6");

        Properties file = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(VariableCatalogue.VERSIONS_RESOURCE)) {
            file.load(in);
        }
        assertThat(catalogue.defaultVersions()).isEqualTo(Map.copyOf((Map) file));
        assertThat(catalogue.all().stream().filter(v -> v.section() == Variable.Section.VERSIONS)).hasSize(file.size());
    }

    @Test
    void theUndocumentedVersionsSaySo() {
        for (String component : List.of("apicroncloud", "procloudapi", "stun")) {
            Variable variable = catalogue.find(VariableCatalogue.versionVariable(component)).orElseThrow();
            assertThat(variable.defaultValue()).isEqualTo("1.0.0");
            assertThat(variable.help()).contains("Not documented upstream");
        }
    }

    @Test
    void anUnknownComponentHasNoDefaultVersion() {
        assertThatThrownBy(() -> catalogue.defaultVersion("nginx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api");
    }

    @Test
    void knowsWhichValuesAreSecret() {
        assertThat(List.of("API_LICENSE", "HMACSECRET", "REGISTRY_PASSWORD", "DB_USER_PASSWORD", "EXIM_PASSWORD",
                "ansible_password", "PKI_CA_KEY")).allSatisfy(name -> assertThat(catalogue.isSecret(name)).as(name).isTrue());
        assertThat(List.of("REGISTRY_USERNAME", "PORTAL_URL", "DB_USER", "ansible_ssh_private_key_file", "BYPASS_CACHE"))
                .allSatisfy(name -> assertThat(catalogue.isSecret(name)).as(name).isFalse());
        assertThat(List.of("MY_API_TOKEN", "ldap_bind_password", "ansible_become_pass", "CUSTOM_SECRET_VALUE"))
                .allSatisfy(name -> assertThat(catalogue.isSecret(name)).as(name + " (unknown)").isTrue());
        assertThat(catalogue.isSecretValue("HMACSECRET", List.of("a"))).isFalse();
    }

    @Test
    void effectiveValuesComeFromTheClosestScopeThenTheDefault() {
        Cluster infra = new Cluster(Cluster.INFRA, null, null, Map.of("SYSLOG_FACILITY", "local3",
                "DOCKER_VERSION_PORTAL", "2.13.11", "API_IP", List.of(Map.of("ip", "10.3.1.1"), Map.of("x", 1))), List.of());
        Environment environment = new Environment(null, "e", Topology.SINGLE, Map.of("DOCKER_VERSION_PORTAL", "2.12.0",
                "HEALTHCHECK_ENABLE", "TRUE"), List.of(infra));
        EffectiveVariables vars = catalogue.effective(environment, infra);

        assertThat(vars.version("portal")).isEqualTo("2.13.11");
        assertThat(vars.version("api")).isEqualTo("2.13.10");
        assertThat(vars.text("SYSLOG_FACILITY_API")).contains("local3");
        assertThat(vars.text("INIT_MINIMUM_PASSWORD_LENGTH")).contains("8");
        assertThat(vars.text("API_cronGhostContainersMinutes")).isEmpty();
        assertThat(vars.isTrue("HEALTHCHECK_ENABLE")).isTrue();
        assertThat(vars.isTrue("CRON_ENABLE")).isTrue();
        assertThat(vars.ipList("API_IP")).containsExactly("10.3.1.1");
        assertThat(vars.traefikCertMode()).isEqualTo(EffectiveVariables.TraefikCertMode.SELF_SIGNED);
        assertThat(vars.externalDatabase()).isFalse();
    }

    @Test
    void aNodeSeesItsOwnHostVarsLast() {
        Node api1 = new Node("api1", "10.3.1.1", 22, "root", null, null, Map.of("API_useAlternateLDAPHost", "true"), null);
        Cluster api = new Cluster(Cluster.API, null, null, Map.of("API_useAlternateLDAPHost", "false"), List.of(api1));
        Environment environment = new Environment(null, "e", Topology.DEDICATED, Map.of(), List.of(api));

        assertThat(catalogue.effective(environment, api).isTrue("API_useAlternateLDAPHost")).isFalse();
        assertThat(catalogue.effective(environment, api, api1).isTrue("API_useAlternateLDAPHost")).isTrue();
    }

    @Test
    void theTraefikCertificateModeFollowsWhatIsSet() {
        Map<String, Object> uploaded = Map.of("TRAEFIK_SSL_CERTS", List.of(Map.of("cert_file", "/c", "key_file", "/k")));
        Map<String, Object> onServer = Map.of("TRAEFIK_CERT_MODE", "on-server");
        assertThat(mode(uploaded)).isEqualTo(EffectiveVariables.TraefikCertMode.UPLOADED);
        assertThat(mode(onServer)).isEqualTo(EffectiveVariables.TraefikCertMode.ON_SERVER);
    }

    private EffectiveVariables.TraefikCertMode mode(Map<String, Object> groupVars) {
        Cluster infra = new Cluster(Cluster.INFRA, null, null, groupVars, List.of());
        return catalogue.effective(new Environment(null, "e", Topology.SINGLE, Map.of(), List.of(infra)), infra).traefikCertMode();
    }
}
