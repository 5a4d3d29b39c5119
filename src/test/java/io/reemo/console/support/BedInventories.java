package io.reemo.console.support;

import io.reemo.console.environment.Node;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inventories of the test bed, written as an operator would write them, and small readers of what the bed shows. */
public final class BedInventories {

    public static final String LICENSE = Base64.getEncoder().encodeToString(
            "{\n    \"customer\": \"test bed\", \"seats\": 10\n}".getBytes(StandardCharsets.UTF_8));

    private BedInventories() {
    }

    public static String simpleCluster(TestBed bed, String portalUrl) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("all:\n  vars:\n")
                .append("    API_LICENSE: \"").append(LICENSE).append("\"\n")
                .append("    REGISTRY_URL: \"").append(bed.registryUrl()).append("\"\n")
                .append("    REGISTRY_ENV: \"").append(bed.registryEnv()).append("\"\n")
                .append("    REGISTRY_USERNAME: \"").append(bed.registryUser()).append("\"\n")
                .append("    REGISTRY_PASSWORD: \"").append(bed.registryPassword()).append("\"\n")
                .append("    HMACSECRET: \"bed-hmac-secret\"\n")
                .append("    SWARM_ENDPOINT_MODE: \"dnsrr\"\n")
                .append("  children:\n    infra_manager:\n      vars:\n")
                .append("        PORTAL_URL: \"").append(portalUrl).append("\"\n")
                .append("      hosts:\n");
        for (Node node : bed.nodes()) {
            yaml.append("        ").append(node.name()).append(":\n")
                    .append("          ansible_host: \"").append(node.address()).append("\"\n")
                    .append("          ansible_user: \"").append(node.sshUser()).append("\"\n")
                    .append("          ansible_ssh_private_key_file: \"").append(bed.privateKey()).append("\"\n");
        }
        return yaml.toString();
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

    /** A plain HTTP GET with a Host header, as a browser reaching the portal's name would send it. */
    public static String fetch(String url, String host) throws Exception {
        var uri = java.net.URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + (uri.getPath().isEmpty() ? "/" : uri.getPath()) + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
