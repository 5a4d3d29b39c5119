package io.reemo.console.health;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.health.PortalProbe.Answer;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks each portal cluster with {@code HEALTHCHECK_ENABLE} "true" for {@code /api/healthcheck}, the way a browser
 * would reach its {@code PORTAL_URL}, but on the cluster's own node addresses (Traefik runs on every node): the
 * portal's name may not resolve from the console, and no traffic goes anywhere but the nodes.
 */
@Component
public class PortalHealth {

    static final String PATH = "/api/healthcheck";

    /**
     * @param via     the node that answered, {@code null} when none did
     * @param tree    {@code null} when no node gave a readable answer
     * @param problem what went wrong, per node tried; {@code null} when the tree was read from a 200 answer
     */
    public record Check(String group, String portal, String via, HealthItem tree, String problem) {
    }

    private final VariableCatalogue variables;
    private final HealthcheckProperties properties;
    private final JsonMapper json;
    private final PortalProbe probe;

    @Autowired
    PortalHealth(VariableCatalogue variables, HealthcheckProperties properties, JsonMapper json) {
        this(variables, properties, json, jdkTrust());
    }

    /** @param trusted the authorities a portal's certificate must come from */
    PortalHealth(VariableCatalogue variables, HealthcheckProperties properties, JsonMapper json, SSLContext trusted) {
        this.variables = variables;
        this.properties = properties;
        this.json = json;
        this.probe = new PortalProbe(properties, trusted);
    }

    private static SSLContext jdkTrust() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    /** One check per portal cluster that enables the healthcheck; empty when none does. */
    public List<Check> check(Environment environment) {
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
                answer = probe.get(node.address(), portal, verifyCertificate);
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

    private static String abbreviate(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
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
