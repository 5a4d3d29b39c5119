package io.reemo.console.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The healthcheck is asked on the node's address with the portal's name as Host (and, over TLS, as server name and
 * certificate name), against real local servers.
 */
class PortalHealthTest {

    private static final String TREE = """
            {"status": "OK", "version": "2.14.4", "services": {"api": {"status": "OK", "version": "2.15.2",
              "services": {"db": {"status": "OK"}, "ws-relays": [{"status": "DOWN", "name": "Global - WS_SWARM", "type": "WS_SWARM"}]}},
              "signal": {"status": "OK", "version": "2.6.1"}}}""";

    @Test
    void asksTheNodeWithThePortalsNameAndReadsTheTree() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer(server, "200 OK", TREE));
            List<PortalHealth.Check> checks = portalHealth(server.getLocalPort()).check(environment("https://portal.example.com/"));

            assertThat(request.get()).startsWith("GET /api/healthcheck HTTP/1.0").contains("Host: portal.example.com");
            PortalHealth.Check check = checks.get(0);
            assertThat(check.problem()).isNull();
            assertThat(check.via()).isEqualTo("infra1");
            assertThat(check.tree().name()).isEqualTo("portal.example.com");
            assertThat(check.tree().version()).isEqualTo("2.14.4");
            HealthItem api = check.tree().children().get(0);
            assertThat(api.children()).extracting(HealthItem::name).containsExactly("db", "ws-relays");
            HealthItem relay = api.children().get(1).children().get(0);
            assertThat(relay.name()).isEqualTo("Global - WS_SWARM");
            assertThat(relay.failing()).isTrue();
            assertThat(api.children().get(1).failing()).isFalse();
            assertThat(check.tree().anyFailing()).isTrue();
            assertThat(api.children().get(0).anyFailing()).isFalse();
        }
    }

    @Test
    void aNodeThatDoesNotAnswerIsNamedWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        PortalHealth.Check check = portalHealth(closedPort).check(environment("portal.example.com")).get(0);

        assertThat(check.tree()).isNull();
        assertThat(check.problem()).startsWith("No node answered http://portal.example.com:" + closedPort + "/api/healthcheck (infra1: ")
                .contains("connection refused: nothing listens on that port");
    }

    @Test
    void anAnswerThatIsNotTheTreeIsQuotedShortly() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.supplyAsync(() -> answer(server, "502 Bad Gateway", "traefik stand-in: no route for host 'x'\n"));
            PortalHealth.Check check = portalHealth(server.getLocalPort()).check(environment("portal.example.com")).get(0);

            assertThat(check.tree()).isNull();
            assertThat(check.problem()).contains("infra1: HTTP 502, not JSON: traefik stand-in: no route for host 'x'");
        }
    }

    @Test
    void overHttpsTraefiksSelfSignedCertificateIsAcceptedAndAnUploadedOneMustBeTrusted() throws Exception {
        IssuedCertificate certificate = CertificateAuthority.generate("Not a public CA")
                .issue("portal.example.com", List.of("portal.example.com"), List.of());
        try (ServerSocket server = tlsServer(certificate)) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer(server, "200 OK", TREE));
            PortalHealth.Check check = portalHealth("https", server.getLocalPort()).check(environment("portal.example.com")).get(0);

            assertThat(check.problem()).isNull();
            assertThat(check.tree().version()).isEqualTo("2.14.4");
            assertThat(request.get()).contains("Host: portal.example.com");

            CompletableFuture.runAsync(() -> answer(server, "200 OK", TREE));
            Environment uploaded = Fixtures.withAll(environment("portal.example.com"), "TRAEFIK_CERT_MODE", "uploaded");
            PortalHealth.Check refused = portalHealth("https", server.getLocalPort()).check(uploaded).get(0);
            assertThat(refused.tree()).isNull();
            assertThat(refused.problem()).contains("infra1: its TLS certificate is not trusted by the console's Java [")
                    .containsIgnoringCase("certification path");
        }
    }

    @Test
    void aVerifiedCertificateIsAskedForByThePortalsNameAndMustNameIt() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate("Operator CA");
        Environment uploaded = Fixtures.withAll(environment("https://portal.example.com/"), "TRAEFIK_CERT_MODE", "uploaded");
        try (ServerSocket server = tlsServer(ca.issue("portal.example.com", List.of("portal.example.com"), List.of()))) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer(server, "200 OK", TREE));
            PortalHealth.Check check = portalHealth("https", server.getLocalPort(), trusting(ca)).check(uploaded).get(0);

            assertThat(check.problem()).isNull();
            assertThat(check.via()).isEqualTo("infra1");
            assertThat(request.get()).contains("Host: portal.example.com\n").contains("SNI: portal.example.com");
        }
        try (ServerSocket server = tlsServer(ca.issue("other.example.com", List.of("other.example.com"), List.of()))) {
            CompletableFuture.runAsync(() -> answer(server, "200 OK", TREE));
            PortalHealth.Check check = portalHealth("https", server.getLocalPort(), trusting(ca)).check(uploaded).get(0);

            assertThat(check.tree()).isNull();
            assertThat(check.problem()).startsWith("No node answered https://portal.example.com:" + server.getLocalPort()
                            + "/api/healthcheck (infra1: its TLS certificate is for another name [")
                    .containsAnyOf("No subject alternative DNS name matching portal.example.com",
                            "doesn't match any of the subject alternative names");
        }
    }

    @Test
    void isOffUnlessHealthcheckEnableIsTrue() {
        Environment environment = Fixtures.withGroup(Fixtures.cluster(), "infra_manager", "PORTAL_URL", "portal.example.com");
        assertThat(portalHealth(1).check(environment)).isEmpty();
    }

    @Test
    void aPortalUrlThatNamesNoHostIsSaidAndNotAsked() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            PortalHealth health = portalHealth(server.getLocalPort());
            Environment environment = environment("portal.example.com\r\nX-Injected: 1");

            PortalHealth.Check check = health.check(environment).get(0);
            var cluster = environment.clusters().get(0);
            PortalHealth.Check through = health.through(environment, cluster, cluster.nodes().get(0)).orElseThrow();

            assertThat(check.tree()).isNull();
            assertThat(check.portal()).isEqualTo("portal.example.com X-Injected: 1");
            assertThat(check.problem()).isEqualTo("PORTAL_URL 'portal.example.com X-Injected: 1' names no host the console can"
                    + " ask (a name such as portal.example.com or an IPv4 address), so its healthcheck was not asked: correct"
                    + " PORTAL_URL in the environment's settings.");
            assertThat(through.problem()).isEqualTo(check.problem());
            assertThatThrownBy(server::accept).as("nothing connected").isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static PortalHealth portalHealth(int port) {
        return portalHealth("http", port);
    }

    private static PortalHealth portalHealth(String scheme, int port) {
        return new PortalHealth(new VariableCatalogue(), new HealthcheckProperties(scheme, port, Duration.ofSeconds(2)),
                JsonMapper.builder().build());
    }

    private static PortalHealth portalHealth(String scheme, int port, SSLContext trusted) {
        return new PortalHealth(new VariableCatalogue(), new HealthcheckProperties(scheme, port, Duration.ofSeconds(2)),
                JsonMapper.builder().build(), trusted);
    }

    /** TLS that trusts only this authority, as the JDK's store trusts the public ones. */
    private static SSLContext trusting(CertificateAuthority ca) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context;
    }

    private static ServerSocket tlsServer(IssuedCertificate certificate) throws Exception {
        char[] password = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("portal", certificate.privateKey(), password, new Certificate[] {certificate.certificate(), certificate.issuer()});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** The cluster fixture with one node, on the loopback address. */
    private static Environment environment(String portalUrl) {
        Environment environment = Fixtures.withAll(Fixtures.withGroup(Fixtures.single(), "infra_manager", "PORTAL_URL", portalUrl),
                "HEALTHCHECK_ENABLE", "true");
        var cluster = environment.clusters().get(0);
        return environment.withClusters(List.of(cluster.withNodes(List.of(Fixtures.node("infra1", "127.0.0.1")))));
    }

    private static String answer(ServerSocket server, String status, String body) {
        try (Socket client = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            StringBuilder request = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                request.append(line).append('\n');
            }
            if (client instanceof SSLSocket tls && tls.getSession() instanceof ExtendedSSLSession session) {
                session.getRequestedServerNames().forEach(name -> request.append("SNI: ")
                        .append(((SNIHostName) name).getAsciiName()).append('\n'));
            }
            client.getOutputStream().write(("HTTP/1.0 " + status + "\r\nContent-Type: application/json\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            return request.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
