package io.reemo.console.environment;

import static io.reemo.console.environment.Fixtures.withAll;
import static io.reemo.console.environment.Fixtures.withGroup;
import static io.reemo.console.environment.Fixtures.withHost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentValidatorTest {

    private final InMemoryEnvironments stored = new InMemoryEnvironments();
    private final EnvironmentValidator validator = stored.validator();

    private List<Problem> errors(Environment environment) {
        return validator.validate(environment).stream().filter(Problem::isError).toList();
    }

    private List<Problem> problems(Environment environment, String code) {
        return validator.validate(environment).stream().filter(p -> p.code().equals(code)).toList();
    }

    @Test
    void theFixturesOfEveryTopologyHaveNoError() {
        assertThat(errors(Fixtures.single())).isEmpty();
        assertThat(errors(Fixtures.cluster())).isEmpty();
        assertThat(errors(Fixtures.dedicated())).isEmpty();
    }

    @Test
    void aSecretShorterThanEightCharactersIsRefusedByName() {
        assertThat(problems(withAll(Fixtures.single(), "REGISTRY_PASSWORD", "reemo1"), "SHORT_SECRET")).singleElement()
                .satisfies(p -> {
                    assertThat(p.isError()).isTrue();
                    assertThat(p.variable()).isEqualTo("REGISTRY_PASSWORD");
                    assertThat(p.message()).startsWith("REGISTRY_PASSWORD has 6 characters; a secret needs at least 8")
                            .doesNotContain("reemo1");
                });
        assertThat(problems(withAll(Fixtures.single(), "LDAP_BIND_PASSWORD", "short"), "SHORT_SECRET"))
                .as("a custom variable named like a secret").singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("LDAP_BIND_PASSWORD has 5 characters"));
        assertThat(problems(withAll(Fixtures.single(), "REGISTRY_PASSWORD", "eight-ch"), "SHORT_SECRET")).isEmpty();
        assertThat(problems(withAll(Fixtures.single(), "REGISTRY_PASSWORD", "{{ vault_pw }}"), "SHORT_SECRET")).isEmpty();
    }

    @Test
    void theShortPasswordOfAnSmtpLoginIsRefusedAndAnImportOnlyWarns() {
        Environment environment = withAll(Fixtures.single(), "EXIM_PASSWORD", "smtp.example.org:a-long-user-name:pw1");
        assertThat(problems(environment, "SHORT_SECRET")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).startsWith("The password in EXIM_PASSWORD (<smtp server>:<user>:<password>) has 3 characters");
        });
        assertThat(problems(withAll(Fixtures.single(), "EXIM_PASSWORD", "smtp.example.org:mailer:long-enough-pw"),
                "SHORT_SECRET")).isEmpty();

        SourcePositions imported = (location, variable) -> null;
        assertThat(validator.validate(environment, imported)).filteredOn(p -> p.code().equals("SHORT_SECRET")).singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void theUpdateMonitorIsSecondsFromOneTo300AndReachesTheEffectiveVariables() {
        assertThat(problems(withAll(Fixtures.single(), "SWARM_UPDATE_MONITOR", "0"), "SWARM_UPDATE_MONITOR")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a number of seconds from 1 to 300, not \"0\""));
        assertThat(problems(withAll(Fixtures.single(), "SWARM_UPDATE_MONITOR", "301"), "SWARM_UPDATE_MONITOR")).hasSize(1);
        assertThat(problems(withAll(Fixtures.single(), "SWARM_UPDATE_MONITOR", "2"), "SWARM_UPDATE_MONITOR")).isEmpty();
        Environment two = withAll(Fixtures.single(), "SWARM_UPDATE_MONITOR", "2");
        VariableCatalogue catalogue = new VariableCatalogue();
        assertThat(catalogue.effective(two, two.clusters().get(0)).updateMonitor()).hasSeconds(2);
        Environment unset = Fixtures.single();
        assertThat(catalogue.effective(unset, unset.clusters().get(0)).updateMonitor())
                .isEqualTo(EffectiveVariables.DEFAULT_UPDATE_MONITOR).hasSeconds(8);
    }

    // --- scope

    @Test
    void aGroupVariableInAllNamesTheVariableWhereItWasAndWhereItBelongs() {
        List<Problem> scope = problems(withAll(Fixtures.single(), "PORTAL_URL", "url.domain.tld"), "SCOPE");
        assertThat(scope).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.variable()).isEqualTo("PORTAL_URL");
            assertThat(p.where()).isEqualTo("all.vars");
            assertThat(p.message()).contains("PORTAL_URL", "not in all.vars", "vars of a cluster group");
        });
    }

    @Test
    void anAllVariableInAGroupIsAnError() {
        List<Problem> scope = problems(withGroup(Fixtures.single(), Cluster.INFRA, "REGISTRY_URL", "registry.local"), "SCOPE");
        assertThat(scope).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("vars of group infra_manager");
            assertThat(p.message()).contains("belongs in all.vars");
        });
    }

    @Test
    void aGroupVariableOnAHostIsAnError() {
        assertThat(problems(withHost(Fixtures.single(), "infra1", "PORTAL_TYPE", "admin"), "SCOPE"))
                .singleElement().satisfies(p -> assertThat(p.host()).isEqualTo("infra1"));
    }

    @Test
    void anApiGroupVariableBelongsToTheApiSideOnly() {
        Environment onApiHost = withHost(Fixtures.dedicated(), "api2", "API_useAlternateLDAPHost", "true");
        assertThat(problems(onApiHost, "SCOPE")).isEmpty();
        Environment onPortal = withGroup(Fixtures.dedicated(), Cluster.PORTAL_USER, "API_useAlternateLDAPHost", "true");
        assertThat(problems(onPortal, "SCOPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("API group", "portaluser_manager"));
        assertThat(problems(withAll(Fixtures.dedicated(), "API_useAlternateLDAPHost", "true"), "SCOPE")).hasSize(1);
    }

    @Test
    void aCommandLineSwitchInTheInventoryIsAnError() {
        assertThat(problems(withAll(Fixtures.single(), "INIT_DB", "true"), "SCOPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("command-line switch", "re-initialise"));
    }

    @Test
    void unknownAndOtherRoleVariablesAreKeptWithAWarning() {
        List<Problem> problems = validator.validate(withGroup(withAll(Fixtures.single(), "PORTAL_ULR", "x"),
                Cluster.INFRA, "RELAYWS_NGINX_PORT", 8443));
        assertThat(problems).filteredOn(p -> p.code().equals("UNKNOWN_VARIABLE")).singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse());
        assertThat(problems).filteredOn(p -> p.code().equals("OTHER_ROLE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("reemo-relayws"));
        assertThat(problems).noneMatch(Problem::isError);
    }

    @Test
    void problemsCarryTheLineOfTheImportedFile() {
        Environment environment = withAll(Fixtures.single(), "PORTAL_URL", "url.domain.tld");
        SourcePositions positions = (location, variable) -> location.equals(Location.ALL_VARS) && "PORTAL_URL".equals(variable)
                ? new SourcePositions.Position(7, 5) : null;
        assertThat(validator.validate(environment, positions)).filteredOn(p -> p.code().equals("SCOPE"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.column()).isEqualTo(5);
                });
    }

    // --- types and formats

    @Test
    void apiIpMustBeAListOfIpEntries() {
        Environment strings = withGroup(Fixtures.dedicated(), Cluster.PORTAL_USER, "API_IP", List.of("10.3.1.1"));
        assertThat(problems(strings, "TYPE")).singleElement().satisfies(p -> assertThat(p.message()).contains("- ip: \"10.3.1.1\""));
        Environment badIp = withGroup(Fixtures.dedicated(), Cluster.PORTAL_USER, "API_IP", List.of(Map.of("ip", "10.3.1.300")));
        assertThat(problems(badIp, "TYPE")).singleElement().satisfies(p -> assertThat(p.message()).contains("10.3.1.300"));
    }

    @Test
    void restrictIpIsACommaSeparatedListOfAddressesAndBlocks() {
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "PORTAL_URL_RESTRICT_IP", "10.1.1.1,10.2.2.0/24,fd00::/64"),
                "TYPE")).isEmpty();
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "PORTAL_URL_RESTRICT_IP", "10.1.1.1,10.2.2.0/33"),
                "TYPE")).singleElement().satisfies(p -> assertThat(p.message()).contains("10.2.2.0/33"));
    }

    @Test
    void portalUrlIsAHostNameWithoutScheme() {
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "PORTAL_URL", "https://url.domain.tld"), "TYPE"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("without https://"));
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "PORTAL_URL", "bad_name.tld"), "TYPE")).hasSize(1);
    }

    @Test
    void portalTypeListsTheValuesAndWhatTheyMean() {
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "PORTAL_TYPE", "users"), "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("user, admin, orgadmin, instadmin, orguser", "instance administrators only"));
    }

    @Test
    void theLicenseMustBeBase64OfJsonAndIsNeverQuoted() {
        String notBase64 = "this is not base64!";
        assertThat(problems(withAll(Fixtures.single(), "API_LICENSE", notBase64), "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not valid base64").doesNotContain(notBase64));
        String notJson = Base64.getEncoder().encodeToString("secret-license-text".getBytes());
        assertThat(problems(withAll(Fixtures.single(), "API_LICENSE", notJson), "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not JSON").doesNotContain(notJson, "secret-license-text"));
    }

    @Test
    void theLicenseSummaryShowsTheTopLevelKeysOnly() {
        LicenseSummary summary = LicenseSummary.read(Fixtures.LICENSE, tools.jackson.databind.json.JsonMapper.shared());
        assertThat(summary.keys()).containsExactly("customer", "licenseId", "expires", "features", "seats");
        assertThat(summary.toString()).doesNotContain("Example Corp");
    }

    @Test
    void versionsAreImageTags() {
        assertThat(problems(withAll(Fixtures.single(), "DOCKER_VERSION_API", "2.14.0 beta"), "TYPE")).hasSize(1);
        assertThat(problems(withAll(Fixtures.single(), "DOCKER_VERSION_HAPROXY", "2.8.13-8eb4f8c-83696c9ad549"), "TYPE")).isEmpty();
    }

    @Test
    void theDatabaseJobShouldFollowTheApiVersion() {
        assertThat(problems(withAll(Fixtures.single(), "DOCKER_VERSION_API", "2.14.0"), "VERSION_DB")).singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void booleansAndNumbersAreChecked() {
        assertThat(problems(withAll(Fixtures.single(), "HEALTHCHECK_ENABLE", "enabled"), "TYPE")).hasSize(1);
        assertThat(problems(withAll(Fixtures.single(), "HEALTHCHECK_ENABLE", true), "TYPE")).isEmpty();
        assertThat(problems(withAll(Fixtures.single(), "INIT_MINIMUM_PASSWORD_LENGTH", "twelve"), "TYPE")).hasSize(1);
    }

    @Test
    void eximUsesItsOwnSyntaxAndTheCredentialsAreNeverQuoted() {
        assertThat(problems(withAll(Fixtures.single(), "EXIM_SMARTHOST", "smtp.domain.tld:587"), "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("double colon"));
        assertThat(problems(withAll(Fixtures.single(), "EXIM_PASSWORD", "only-a-password"), "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).doesNotContain("only-a-password"));
    }

    @Test
    void aSecretMustBeASingleValue() {
        assertThat(problems(withAll(Fixtures.single(), "HMACSECRET", List.of("a", "b")), "TYPE")).hasSize(1);
    }

    @Test
    void certificateAndKeyBelongInTheSameListItem() {
        Environment split = withGroup(Fixtures.single(), Cluster.INFRA, "TRAEFIK_SSL_CERTS",
                List.of(Map.of("cert_file", "/c.crt"), Map.of("key_file", "/k.key")));
        assertThat(problems(split, "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("item 1 has cert_file but no key_file"));
    }

    @Test
    void certificateFilesOnTheConsoleMachineMustMatchTheirKey(@TempDir Path dir) throws Exception {
        TestCertificates.Pem first = TestCertificates.selfSigned("url.domain.tld");
        TestCertificates.Pem second = TestCertificates.selfSigned("other.domain.tld");
        Files.writeString(dir.resolve("cert.crt"), first.certificate());
        Files.writeString(dir.resolve("key.key"), first.key());
        Files.writeString(dir.resolve("other.key"), second.key());
        Map<String, Object> match = Map.of("cert_file", dir.resolve("cert.crt").toString(), "key_file", dir.resolve("key.key").toString());
        Map<String, Object> mismatch = Map.of("cert_file", dir.resolve("cert.crt").toString(), "key_file", dir.resolve("other.key").toString());

        Environment good = withGroup(Fixtures.single(), Cluster.INFRA, "TRAEFIK_SSL_CERTS", List.of(match));
        assertThat(validator.validate(good)).noneMatch(p -> p.variable() != null && p.variable().startsWith("TRAEFIK"));
        Environment bad = withGroup(Fixtures.single(), Cluster.INFRA, "TRAEFIK_SSL_CERTS", List.of(match, mismatch));
        assertThat(problems(bad, "TYPE")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("item 2", "does not belong to the certificate"));
    }

    @Test
    void certificateFilesThatAreNotOnTheConsoleMachineAreAWarning() {
        Environment missing = withGroup(Fixtures.single(), Cluster.INFRA, "TRAEFIK_SSL_CERTS",
                List.of(Map.of("cert_file", "/localpath/to/cert.crt", "key_file", "/localpath/to/key.key")));
        assertThat(problems(missing, "CERTIFICATE_FILE")).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("/localpath/to/cert.crt");
        });
    }

    @Test
    void theInternalCaKeyMustBelongToItsCertificate() throws Exception {
        TestCertificates.Pem ca = TestCertificates.selfSigned("ca");
        TestCertificates.Pem other = TestCertificates.selfSigned("other");
        Environment yourCa = withAll(withAll(Fixtures.single(), "PKI_MODE", "your-ca"), "PKI_CA_CERT", ca.certificate());
        assertThat(problems(yourCa, "PKI")).singleElement().satisfies(p -> assertThat(p.message()).contains("PKI_CA_KEY"));
        assertThat(problems(withAll(yourCa, "PKI_CA_KEY", ca.key()), "PKI")).isEmpty();
        assertThat(problems(withAll(yourCa, "PKI_CA_KEY", other.key()), "PKI")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not belong"));
        assertThat(problems(withAll(yourCa, "PKI_CA_KEY", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----"), "TYPE"))
                .singleElement().satisfies(p -> assertThat(p.message()).doesNotContain("nope"));
    }

    @Test
    void aJinjaReferenceToAKnownVariableIsAcceptedAndOtherJinjaIsAWarning() {
        assertThat(validator.validate(withAll(Fixtures.single(), "SYSLOG_FACILITY_API", "{{ SYSLOG_FACILITY }}")))
                .noneMatch(p -> "SYSLOG_FACILITY_API".equals(p.variable()));
        assertThat(problems(withAll(Fixtures.single(), "SYSLOG_FACILITY_API", "{{ lookup('env', 'X') }}"), "JINJA")).hasSize(1);
    }

    // --- topology and nodes

    @Test
    void dedicatedModeNeedsApiIpMatchingTheApiHosts() {
        Environment wrong = withGroup(Fixtures.dedicated(), Cluster.PORTAL_ADMIN, "API_IP",
                List.of(Map.of("ip", "10.3.1.1"), Map.of("ip", "10.3.1.9")));
        assertThat(problems(wrong, "API_IP")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("portaladmin_manager", "missing: 10.3.1.2, 10.3.1.3", "not an api_manager host: 10.3.1.9");
            assertThat(p.where()).isEqualTo("vars of group portaladmin_manager");
        });
        Environment dedicated = Fixtures.dedicated();
        Environment none = dedicated.withClusters(dedicated.clusters().stream().map(c -> c.group().equals(Cluster.PORTAL_USER)
                ? new Cluster(c.group(), c.parentGroup(), c.parentVars(), Map.of("PORTAL_URL", "url.domain.tld"), c.nodes()) : c)
                .toList());
        assertThat(problems(none, "API_IP")).singleElement().satisfies(p -> assertThat(p.message()).contains("needs API_IP"));
    }

    @Test
    void dedicatedModeNeedsOneHmacSecretOnBothSides() {
        Environment dedicated = Fixtures.dedicated();
        Map<String, Object> vars = new java.util.LinkedHashMap<>(dedicated.vars());
        vars.remove("HMACSECRET");
        assertThat(problems(dedicated.withVars(vars), "HMACSECRET")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("needs HMACSECRET"));
        Environment differing = withGroup(withGroup(withGroup(dedicated.withVars(vars), Cluster.API, "HMACSECRET", "one"),
                Cluster.PORTAL_USER, "HMACSECRET", "two"), Cluster.PORTAL_ADMIN, "HMACSECRET", "two");
        assertThat(problems(differing, "HMACSECRET")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("differs").doesNotContain("one", "two "));
    }

    @Test
    void onlyOneClusterRunsTheCronsAcrossAllEnvironments() {
        stored.save(Fixtures.single(), Fixtures.BY_TEST);
        Environment second = Fixtures.cluster().withClusters(List.of(Fixtures.cluster().clusters().get(0).withNodes(List.of(
                Fixtures.node("b1", "10.1.0.1"), Fixtures.node("b2", "10.1.0.2"), Fixtures.node("b3", "10.1.0.3")))));
        assertThat(problems(second, "CRON")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("single / infra_manager", "cluster / infra_manager"));
        assertThat(problems(withGroup(second, Cluster.INFRA, "CRON_ENABLE", "false"), "CRON")).isEmpty();
        assertThat(problems(withGroup(second, Cluster.INFRA, "CRON_ENABLE", "no"), "CRON"))
                .as("anything but \"false\" runs the crons").hasSize(1);
    }

    @Test
    void anExternalDatabaseNeedsAllItsSettings() {
        Environment partial = withAll(withAll(Fixtures.single(), "DB_HOST", "10.9.0.1"), "DB_USER", "reemo");
        assertThat(problems(partial, "EXTERNAL_DB")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("DB_USER_PASSWORD, DB_NAME, DB_DIALECT"));
        Environment complete = withAll(withAll(withAll(partial, "DB_USER_PASSWORD", "pw"), "DB_NAME", "reemo"), "DB_DIALECT", "mysql");
        assertThat(problems(complete, "EXTERNAL_DB")).isEmpty();
    }

    @Test
    void internalMysqlOnSeveralNodesWithoutReplicatedDataIsAWarning() {
        Environment cluster = withGroup(Fixtures.cluster(), Cluster.INFRA, "OPT_REEMO_REPLICATED", "false");
        assertThat(problems(cluster, "MYSQL_NOT_REPLICATED")).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
        assertThat(problems(Fixtures.cluster(), "MYSQL_NOT_REPLICATED")).isEmpty();
        assertThat(problems(Fixtures.single(), "MYSQL_NOT_REPLICATED")).isEmpty();
    }

    @Test
    void theSelfSignedTraefikCertificateIsAWarning() {
        assertThat(problems(Fixtures.single(), "TRAEFIK_SELF_SIGNED")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not for production"));
        assertThat(problems(withGroup(Fixtures.single(), Cluster.INFRA, "TRAEFIK_CERT_MODE", "on-server"), "CERTIFICATE"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("TRAEFIK_SSL_CERTS_ON_SERVER"));
    }

    @Test
    void theLicenseIsRequired() {
        Map<String, Object> vars = new java.util.LinkedHashMap<>(Fixtures.single().vars());
        vars.remove("API_LICENSE");
        assertThat(problems(Fixtures.single().withVars(vars), "REQUIRED")).hasSize(1);
    }

    @Test
    void registryCredentialsComeInPairs() {
        Map<String, Object> vars = new java.util.LinkedHashMap<>(Fixtures.single().vars());
        vars.remove("REGISTRY_PASSWORD");
        assertThat(problems(Fixtures.single().withVars(vars), "REGISTRY")).singleElement()
                .satisfies(p -> assertThat(p.isError()).isTrue());
        vars.remove("REGISTRY_USERNAME");
        assertThat(problems(Fixtures.single().withVars(vars), "REGISTRY")).singleElement()
                .satisfies(p -> assertThat(p.isError()).isFalse());
        assertThat(problems(withAll(Fixtures.single().withVars(vars), "REGISTRY_IMAGE_MODE", "preloaded"), "REGISTRY")).isEmpty();
    }

    @Test
    void requireValidThrowsWithEveryProblemOrReturnsTheWarnings() {
        assertThat(validator.requireValid(Fixtures.single(), SourcePositions.NONE)).noneMatch(Problem::isError);
        assertThatThrownBy(() -> validator.requireValid(withAll(Fixtures.single(), "PORTAL_URL", "x.tld"), SourcePositions.NONE))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("SCOPE"))
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("TRAEFIK_SELF_SIGNED")));
    }
}
