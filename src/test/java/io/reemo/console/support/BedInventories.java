package io.reemo.console.support;

import io.reemo.console.environment.Node;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContextBuilder;

/** Inventories of the test bed, written as an operator would write them, and small readers of what the bed shows. */
public final class BedInventories {

    public static final String LICENSE = Base64.getEncoder().encodeToString(
            "{\n    \"customer\": \"test bed\", \"seats\": 10\n}".getBytes(StandardCharsets.UTF_8));

    private BedInventories() {
    }

    public static String simpleCluster(TestBed bed, String portalUrl) {
        StringBuilder yaml = new StringBuilder(commonVars(bed))
                .append("  children:\n    infra_manager:\n      vars:\n")
                .append("        PORTAL_URL: \"").append(portalUrl).append("\"\n")
                .append("      hosts:\n");
        bed.nodes().forEach(node -> yaml.append(host(node, bed, "        ")));
        return yaml.toString();
    }

    /**
     * Dedicated mode on the bed: node1 the user portal cluster, node2 the admin portal cluster, node3 the API
     * cluster; three Swarms of one manager each.
     */
    public static String dedicated(TestBed bed) {
        Node user = bed.node("node1");
        Node admin = bed.node("node2");
        Node api = bed.node("node3");
        return commonVars(bed)
                + "  children:\n"
                + "    portal_manager:\n"
                + "      children:\n"
                + portalCluster("portaluser_manager", "user.bed.test", "user", user, api, bed)
                + portalCluster("portaladmin_manager", "admin.bed.test", "admin", admin, api, bed)
                + "    api_manager:\n"
                + "      hosts:\n" + host(api, bed, "        ");
    }

    private static String portalCluster(String group, String url, String type, Node node, Node api, TestBed bed) {
        return "        " + group + ":\n"
                + "          vars:\n"
                + "            PORTAL_URL: \"" + url + "\"\n"
                + "            PORTAL_TYPE: \"" + type + "\"\n"
                + "            API_IP:\n"
                + "              - ip: \"" + api.address() + "\"\n"
                + "          hosts:\n" + host(node, bed, "            ");
    }

    private static String commonVars(TestBed bed) {
        return "all:\n  vars:\n"
                + "    API_LICENSE: \"" + LICENSE + "\"\n"
                + "    REGISTRY_URL: \"" + bed.registryUrl() + "\"\n"
                + "    REGISTRY_ENV: \"" + bed.registryEnv() + "\"\n"
                + "    REGISTRY_USERNAME: \"" + bed.registryUser() + "\"\n"
                + "    REGISTRY_PASSWORD: \"" + bed.registryPassword() + "\"\n"
                + "    HMACSECRET: \"bed-hmac-secret\"\n"
                + "    SWARM_ENDPOINT_MODE: \"dnsrr\"\n"
                // the stand-ins fail at once or never: a short watch per task keeps the bed's rolling updates quick
                + "    SWARM_UPDATE_MONITOR: \"2\"\n";
    }

    private static String host(Node node, TestBed bed, String indent) {
        return indent + node.name() + ":\n"
                + indent + "  ansible_host: \"" + node.address() + "\"\n"
                + indent + "  ansible_user: \"" + node.sshUser() + "\"\n"
                + indent + "  ansible_ssh_private_key_file: \"" + bed.privateKey() + "\"\n";
    }

    /** Lines {@code svc <name> <replicas> <image>} of a command job's log → name → "replicas image". */
    public static Map<String, String> parseServiceList(String log) {
        Map<String, String> services = new LinkedHashMap<>();
        log.lines().map(l -> l.substring(Math.max(0, l.indexOf(" svc ") + 1))).filter(l -> l.startsWith("svc ")).forEach(l -> {
            List<String> parts = List.of(l.split(" ", 3));
            services.put(parts.get(1), parts.get(2));
        });
        return services;
    }

    /**
     * A GET as a browser reaching the name {@code host} would send it, to whatever address the URL names: {@code host}
     * as Host header and, over https, as TLS server name. Any certificate is accepted (the bed's Traefik serves its own
     * self-signed one unless it was given another; {@link #certificateSubject} tells which). Returns the whole answer:
     * status line, headers and body.
     */
    public static String fetch(String url, String host) throws Exception {
        URI uri = URI.create(url);
        boolean tls = uri.getScheme().equals("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        try (Socket socket = tls ? tlsSocket(uri.getHost(), port, host) : new Socket(uri.getHost(), port)) {
            socket.setSoTimeout(10_000);
            String target = (uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + target + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The subject of the certificate that {@code address:port} shows a TLS client asking for the name {@code host}. */
    public static String certificateSubject(String address, int port, String host) throws Exception {
        try (SSLSocket socket = tlsSocket(address, port, host)) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    private static SSLSocket tlsSocket(String address, int port, String serverName) throws Exception {
        SSLContext anyCertificate = SSLContextBuilder.create().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
        SSLSocket socket = (SSLSocket) anyCertificate.getSocketFactory().createSocket(address, port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        socket.setSSLParameters(parameters);
        return socket;
    }
}
