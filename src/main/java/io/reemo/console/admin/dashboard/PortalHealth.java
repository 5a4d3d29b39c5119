package io.reemo.console.admin.dashboard;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks each portal cluster with {@code HEALTHCHECK_ENABLE} "true" for {@code /api/healthcheck}, the way a browser
 * would reach its {@code PORTAL_URL}, but on the cluster's own node addresses (Traefik runs on every node): the
 * portal's name may not resolve from the console, and no traffic goes anywhere but the nodes.
 */
@Component
class PortalHealth {

    static final String PATH = "/api/healthcheck";
    private static final int MAX_ANSWER = 1 << 20;

    /**
     * @param via     the node that answered, {@code null} when none did
     * @param tree    {@code null} when no node gave a readable answer
     * @param problem what went wrong, per node tried; {@code null} when the tree was read from a 200 answer
     */
    record Check(String group, String portal, String via, HealthItem tree, String problem) {
    }

    private final VariableCatalogue variables;
    private final HealthcheckProperties properties;
    private final JsonMapper json;

    PortalHealth(VariableCatalogue variables, HealthcheckProperties properties, JsonMapper json) {
        this.variables = variables;
        this.properties = properties;
        this.json = json;
    }

    /** One check per portal cluster that enables the healthcheck; empty when none does. */
    List<Check> check(Environment environment) {
        List<Check> checks = new ArrayList<>();
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = variables.effective(environment, cluster);
            Optional<String> portal = vars.text("PORTAL_URL").map(PortalHealth::host).filter(h -> !h.isEmpty());
            if (cluster.servesPortal() && vars.isTrue("HEALTHCHECK_ENABLE") && portal.isPresent()) {
                // Traefik's own self-signed certificate cannot be verified; the request carries nothing secret
                checks.add(check(cluster, portal.get(), vars.traefikCertMode() != TraefikCertMode.SELF_SIGNED));
            }
        }
        return checks;
    }

    private Check check(Cluster cluster, String portal, boolean verifyCertificate) {
        Map<String, String> failures = new LinkedHashMap<>();
        for (Node node : cluster.nodes()) {
            Answer answer;
            try {
                answer = get(node.address(), portal, verifyCertificate);
            } catch (IOException | IllegalArgumentException e) {
                failures.put(node.name(), e.getMessage());
                continue;
            }
            try {
                HealthItem tree = HealthItem.parse(portal, json.readTree(answer.body()));
                String problem = answer.status() == 200 ? null
                        : node.name() + " answered HTTP " + answer.status() + " with this tree.";
                return new Check(cluster.group(), portal, node.name(), tree, problem);
            } catch (JacksonException notJson) {
                failures.put(node.name(), "HTTP " + answer.status() + ", not JSON: " + abbreviate(answer.body()));
            }
        }
        List<String> lines = new ArrayList<>();
        failures.forEach((node, why) -> lines.add(node + ": " + why));
        return new Check(cluster.group(), portal, null, null, cluster.nodes().isEmpty() ? "The cluster has no nodes."
                : "No node answered " + properties.scheme() + "://" + portal + PATH + " (" + String.join("; ", lines) + ").");
    }

    private record Answer(int status, String body) {
    }

    /** HTTP/1.0, so the answer is the body up to the end of the stream, never chunked. */
    private Answer get(String address, String portal, boolean verifyCertificate) throws IOException {
        int timeout = (int) properties.timeout().toMillis();
        try (Socket socket = open(address, portal, verifyCertificate, timeout)) {
            String request = "GET " + PATH + " HTTP/1.0\r\nHost: " + portal + "\r\nAccept: application/json\r\n"
                    + "User-Agent: reemo-infra-console\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = read(socket.getInputStream());
            int headerEnd = answer.indexOf("\r\n\r\n");
            String[] statusLine = answer.lines().findFirst().orElse("").split(" ");
            if (headerEnd < 0 || statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer on port " + properties.port());
            }
            int status = Integer.parseInt(statusLine[1]);
            String body = answer.substring(headerEnd + 4);
            if (body.isBlank()) {
                throw new IOException("HTTP " + status + " without a body");
            }
            return new Answer(status, body);
        }
    }

    /**
     * For https, the portal's name goes in SNI and is what the certificate must match (not the node's address), checked
     * against the JDK's trusted authorities unless {@code verifyCertificate} is false.
     */
    private Socket open(String address, String portal, boolean verifyCertificate, int timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, properties.port()), timeout);
            socket.setSoTimeout(timeout);
            if (!properties.tls()) {
                return socket;
            }
            SSLContext context = verifyCertificate ? SSLContext.getDefault() : unverified();
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, portal, properties.port(), true);
            if (verifyCertificate) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
            }
            tls.startHandshake();
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            socket.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** TLS that accepts any certificate: only for Traefik's self-signed one, which no authority vouches for. */
    private static SSLContext unverified() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // the console is the client
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // self-signed by Traefik itself: nothing to check it against
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    private static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private static String read(InputStream in) throws IOException {
        byte[] answer = in.readNBytes(MAX_ANSWER);
        return new String(answer, StandardCharsets.UTF_8);
    }

    /** {@code https://portal.example.com:8443/x} → {@code portal.example.com}; a bare name stays as it is. */
    static String host(String portalUrl) {
        String rest = portalUrl.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = rest.length();
        for (char stop : new char[] {'/', ':', '?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return rest.substring(0, end);
    }
}
