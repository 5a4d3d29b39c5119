package io.reemo.console.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Traefik's dynamic configuration (file provider) for one cluster: which host goes to which service,
 * the IP allow-lists, and the certificates. Built as data and written by snakeyaml.
 */
final class TraefikRoutes {

    /** The port the Reemo containers serve HTTP on inside the overlay network. */
    static final int SERVICE_PORT = 8080;
    static final String CERT_DIR = "/run/secrets/";

    private final Map<String, Object> routers = new LinkedHashMap<>();
    private final Map<String, Object> middlewares = new LinkedHashMap<>();
    private final Map<String, Object> services = new LinkedHashMap<>();
    private final List<Map<String, String>> certificates = new ArrayList<>();

    /**
     * Routes a host name (or every host when {@code host} is empty) on an entry point to backends.
     *
     * @param allowList comma-separated IPs/CIDRs; empty for no restriction
     */
    TraefikRoutes route(String name, String entryPoint, String host, String allowList, List<String> backends) {
        Map<String, Object> router = new LinkedHashMap<>();
        router.put("rule", host.isBlank() ? "PathPrefix(`/`)" : "Host(`" + host + "`)");
        router.put("entryPoints", List.of(entryPoint));
        router.put("service", name);
        if (!allowList.isBlank()) {
            String middleware = name + "-allowlist";
            middlewares.put(middleware, Map.of("ipAllowList", Map.of("sourceRange",
                    List.of(allowList.split("\\s*,\\s*")))));
            router.put("middlewares", List.of(middleware));
        }
        router.put("tls", Map.of());
        routers.put(name, router);
        List<Map<String, String>> servers = backends.stream()
                .map(b -> Map.of("url", "http://" + b + ":" + SERVICE_PORT)).toList();
        services.put(name, Map.of("loadBalancer", Map.of("servers", servers)));
        return this;
    }

    TraefikRoutes certificate(String certFile, String keyFile) {
        certificates.add(Map.of("certFile", certFile, "keyFile", keyFile));
        return this;
    }

    String toYaml() {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("routers", routers);
        if (!middlewares.isEmpty()) {
            http.put("middlewares", middlewares);
        }
        http.put("services", services);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("http", http);
        if (!certificates.isEmpty()) {
            root.put("tls", Map.of("certificates", certificates));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setSplitLines(false);
        return new Yaml(options).dump(root);
    }
}
