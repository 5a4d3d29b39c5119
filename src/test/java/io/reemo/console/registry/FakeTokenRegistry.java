package io.reemo.console.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A registry on loopback that uses the token flow, as registry.reemo.io does with its separate auth service
 * (the test bed's registry uses Basic): {@code /v2/} answers 401 with a Bearer challenge, {@code /token} hands
 * out a token for the right Basic credentials (with pull access to {@code reemoinfraapi} only), and the tag list
 * comes in two pages joined by a Link header.
 */
final class FakeTokenRegistry implements AutoCloseable {

    static final String USER = "robot";
    static final String PASSWORD = "pa55-word";
    static final String ELSEWHERE = "reemoinfraelsewhere";
    static final String HUGE = "reemoinfrahuge";
    private static final List<String> PULLABLE = List.of("reemoinfraapi", ELSEWHERE, HUGE);

    private final CertificateAuthority ca = CertificateAuthority.generate("Fake registry CA");
    private final HttpsServer server;

    FakeTokenRegistry() throws Exception {
        IssuedCertificate certificate = ca.issue("localhost", List.of("localhost"), List.of("127.0.0.1"));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("registry", certificate.privateKey(), new char[0],
                new Certificate[] {certificate.certificate(), certificate.issuer()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/token", this::token);
        server.createContext("/v2/", this::registry);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String caPem() {
        return ca.certificatePem();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String query = exchange.getRequestURI().getRawQuery();
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || !query.contains("service=fake-registry")) {
            respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
            return;
        }
        String scope = PULLABLE.stream().anyMatch(repository -> query.contains("scope=repository%3A" + repository + "%3Apull"))
                ? "pull-api" : "login";
        respond(exchange, 200, "{\"token\":\"tok-" + scope + "\",\"expires_in\":300}");
    }

    private void registry(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String repository = path.replaceFirst("^/v2/(.*)/tags/list$", "$1");
        String scope = path.equals("/v2/") ? "" : ",scope=\"repository:" + repository + ":pull\"";
        boolean allowed = path.equals("/v2/") ? authorization != null && authorization.startsWith("Bearer tok-")
                : "Bearer tok-pull-api".equals(authorization) && PULLABLE.contains(repository);
        if (!allowed) {
            // like Docker Hub: a token without access to the repository (or for one that does not exist)
            String error = authorization != null && authorization.startsWith("Bearer ") ? ",error=\"insufficient_scope\"" : "";
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"https://" + address()
                    + "/token\",service=\"fake-registry\"" + scope + error);
            respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
        } else if (path.equals("/v2/")) {
            respond(exchange, 200, "{}");
        } else if (repository.equals(ELSEWHERE)) {
            // a registry whose next page is on another host: following it would hand that host the token
            exchange.getResponseHeaders().add("Link", "<https://10.199.0.77/v2/" + ELSEWHERE + "/tags/list?last=1&n=100>; rel=\"next\"");
            respond(exchange, 200, "{\"name\":\"" + ELSEWHERE + "\",\"tags\":[\"1\"]}");
        } else if (repository.equals(HUGE)) {
            respond(exchange, 200, "{\"name\":\"" + HUGE + "\",\"tags\":[\"" + "9".repeat(5 * 1024 * 1024) + "\"]}");
        } else if (exchange.getRequestURI().getQuery().contains("last=")) {
            respond(exchange, 200, "{\"name\":\"reemoinfraapi\",\"tags\":[\"2.13.10\",\"2.13.10-1\"]}");
        } else {
            exchange.getResponseHeaders().add("Link", "</v2/reemoinfraapi/tags/list?last=2.9.1&n=100>; rel=\"next\"");
            respond(exchange, 200, "{\"name\":\"reemoinfraapi\",\"tags\":[\"2.14.0\",\"latest\",\"2.9.1\"]}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
