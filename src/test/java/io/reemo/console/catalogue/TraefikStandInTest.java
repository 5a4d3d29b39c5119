package io.reemo.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.catalogue.CatalogueInput.CertificatePair;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's Traefik configuration as the test bed's Traefik stand-in takes it: every shape the console writes must
 * be understood (or no bed test could run), and translated into the routes Traefik would make. Runs the stand-in's
 * translator (docker/images/components/traefik/standin/translate, Debian's python3 with python3-yaml) without the bed;
 * the files Docker would mount (the dynamic configuration, the certificate secrets) are in a temporary directory.
 */
class TraefikStandInTest {

    private static final Path TRANSLATOR = Path.of("docker/images/components/traefik/standin/translate").toAbsolutePath();

    private final ServiceCatalogue catalogue = new ServiceCatalogue(new VariableCatalogue());

    @TempDir
    Path dir;

    record Translation(int exitCode, String output, String haproxy) {
    }

    @Test
    void aClusterWithAllowListsAnAdminNameAndMetricsGetsItsRoutesFilteredAndTheRedirect() throws Exception {
        Environment environment = ServiceCatalogueTest.cluster(Map.of("PORTAL_URL_RESTRICT_IP", "10.1.1.1, 10.2.2.0/24",
                "PORTALADMIN_URL", "admin.example.org", "PORTALADMIN_URL_RESTRICT_IP", "10.3.3.3", "TRAEFIK_PROMETHEUS_ENABLE", "true"));

        Translation translation = translate(catalogue.desiredState(environment, CatalogueInput.withoutTls()).clusters().get(0));

        assertThat(translation.exitCode()).as(translation.output()).isZero();
        assertThat(translation.output()).contains("entry points web :80 -> websecure, websecure :443, signal :8443; "
                + "3 routers, 3 services, 0 certificates");
        assertThat(translation.haproxy())
                .contains("str(portal) if !{ var(txn.router) -m found } { var(txn.host) -m str portal.example.org }")
                .contains("string \"Forbidden\" if { var(txn.router) -m str portal } !{ src 10.1.1.1/32 10.2.2.0/24 }")
                .contains("string \"Forbidden\" if { var(txn.router) -m str portaladmin } !{ src 10.3.3.3/32 }")
                .contains("do-resolve(txn.address,docker,ipv4) str(reemo_signal3)")
                .contains("http-request redirect location \"https://%[req.hdr(host),field(1,:)]%[capture.req.uri]\" code 301 if METH_GET")
                .contains("use-service prometheus-exporter");
    }

    @Test
    void uploadedCertificatesAreServedBesideTraefiksOwnAndAKeyThatIsNotTheirsIsRefused() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate("Operator CA");
        IssuedCertificate portal = ca.issue("portal.example.org", List.of("portal.example.org"), List.of());
        IssuedCertificate other = ca.issue("other.example.org", List.of("other.example.org"), List.of());

        Translation served = translate(withCertificate(new CertificatePair(portal.chainPem(), portal.privateKeyPem())));
        Translation refused = translate(withCertificate(new CertificatePair(portal.chainPem(), other.privateKeyPem())));

        assertThat(served.exitCode()).as(served.output()).isZero();
        assertThat(served.output()).contains("1 certificates");
        assertThat(served.haproxy()).containsPattern("ssl crt \\S+/tls/default.pem crt \\S+/tls/certificate0.pem alpn h2,http/1.1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("traefik stand-in: REFUSED: ").contains(": tls.certificates[0]: ")
                .contains("is not a usable certificate and key");
    }

    @Test
    void theApiClusterOfDedicatedModeGetsItsCatchAllRoute() throws Exception {
        Environment dedicated = new Environment(2L, "dmz", Topology.DEDICATED, Map.of("API_LICENSE", "ewogICJhIjogMQp9",
                "HMACSECRET", "shared-hmac"), List.of(new Cluster(Cluster.API, null, Map.of(), Map.of(),
                List.of(ServiceCatalogueTest.node("api1", "10.3.1.1")))));

        Translation translation = translate(catalogue.desiredState(dedicated, CatalogueInput.withoutTls()).clusters().get(0));

        assertThat(translation.exitCode()).as(translation.output()).isZero();
        assertThat(translation.output()).contains("1 routers, 1 services");
        assertThat(translation.haproxy()).contains("str(api) if !{ var(txn.router) -m found } { path -m beg / }");
    }

    @Test
    void aMiddlewareTraefikIsNotGivenByTheConsoleIsRefusedNamingWhereItIs() throws Exception {
        DesiredCluster cluster = catalogue.desiredState(ServiceCatalogueTest.cluster(Map.of()), CatalogueInput.withoutTls()).clusters().get(0);
        String dynamic = ServiceCatalogueTest.traefikConfig(cluster).replace("  services:\n",
                "  middlewares:\n    strip:\n      stripPrefix:\n        prefixes: [/api]\n  services:\n");

        Translation translation = translate(cluster, dynamic);

        assertThat(translation.exitCode()).isEqualTo(2);
        assertThat(translation.output()).endsWith(
                "dynamic.yml: http.middlewares.strip.stripPrefix: not understood by the stand-in (it knows ipAllowList here)\n");
    }

    private DesiredCluster withCertificate(CertificatePair pair) {
        CatalogueInput input = new CatalogueInput(CatalogueInput.withoutTls().internalTls(), Map.of(Cluster.INFRA, List.of(pair)), false);
        return catalogue.desiredState(ServiceCatalogueTest.cluster(Map.of("TRAEFIK_CERT_MODE", "uploaded")), input).clusters().get(0);
    }

    private Translation translate(DesiredCluster cluster) throws IOException, InterruptedException {
        return translate(cluster, ServiceCatalogueTest.traefikConfig(cluster));
    }

    /**
     * Runs the translator with Traefik's arguments and dynamic file as the console deploys them; the paths Docker would
     * mount (the config and {@code /run/secrets}) are moved into the temporary directory.
     */
    private Translation translate(DesiredCluster cluster, String dynamic) throws IOException, InterruptedException {
        ServiceSpec traefik = cluster.service("traefik").orElseThrow();
        Path run = Files.createTempDirectory(dir, "translation");
        Path secrets = Files.createDirectories(run.resolve("secrets"));
        for (ServiceSpec.SecretMount mount : traefik.secrets()) {
            byte[] data = cluster.objects().stream().filter(o -> o.name().equals(mount.secretName())).findFirst().orElseThrow().data();
            Files.write(secrets.resolve(mount.fileName()), data);
        }
        String configPath = traefik.configs().get(0).path();
        Path dynamicFile = run.resolve("dynamic.yml");
        Files.writeString(dynamicFile, dynamic.replace(TraefikRoutes.CERT_DIR, secrets + "/"));
        Path out = Files.createDirectories(run.resolve("out"));
        List<String> command = new ArrayList<>(List.of(TRANSLATOR.toString(), out.toString()));
        traefik.args().forEach(a -> command.add(a.replace(configPath, dynamicFile.toString())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the translator ends").isTrue();
        Path haproxy = out.resolve("haproxy.cfg");
        return new Translation(process.exitValue(), output, Files.exists(haproxy) ? Files.readString(haproxy) : "");
    }
}
