package io.reemo.console.health;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.health.PortalProbe.Reply;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The portal a cluster's healthcheck is asked for, and whether its certificate can be verified.
     *
     * @param invalid why {@code PORTAL_URL} cannot be asked for (then {@code portal} is its text), {@code null} when it can
     */
    private record Target(String portal, boolean verifyCertificate, String invalid) {
    }

    private final VariableCatalogue variables;
    private final JsonMapper json;
    private final PortalProbe probe;

    @Autowired
    PortalHealth(VariableCatalogue variables, JsonMapper json, PortalProbe probe) {
        this.variables = variables;
        this.json = json;
        this.probe = probe;
    }

    /** @param trusted the authorities a portal's certificate must come from */
    PortalHealth(VariableCatalogue variables, HealthcheckProperties properties, JsonMapper json, SSLContext trusted) {
        this(variables, json, new PortalProbe(properties, trusted));
    }

    PortalHealth(VariableCatalogue variables, HealthcheckProperties properties, JsonMapper json) {
        this(variables, json, new PortalProbe(properties));
    }

    /** One check per portal cluster that enables the healthcheck, from the first node that answers; empty when none does. */
    public List<Check> check(Environment environment) {
        List<Check> checks = new ArrayList<>();
        for (Cluster cluster : environment.clusters()) {
            target(environment, cluster).ifPresent(target -> checks.add(target.invalid() != null
                    ? notAsked(cluster, target) : firstAnswer(cluster, target)));
        }
        return checks;
    }

    /** The healthcheck asked through this node of the cluster; empty when the cluster does not enable it. */
    public Optional<Check> through(Environment environment, Cluster cluster, Node node) {
        return target(environment, cluster).map(target -> target.invalid() != null
                ? notAsked(cluster, target) : ask(cluster, node, target));
    }

    /** {@code https://portal.example.com/api/healthcheck}, as the lines name it. */
    public String url(String portal) {
        return probe.url(portal, 443, PATH);
    }

    private Optional<Target> target(Environment environment, Cluster cluster) {
        EffectiveVariables vars = variables.effective(environment, cluster);
        Optional<String> url = vars.text("PORTAL_URL").map(String::strip).filter(u -> !u.isEmpty());
        if (!cluster.servesPortal() || !vars.isTrue("HEALTHCHECK_ENABLE") || url.isEmpty()) {
            return Optional.empty();
        }
        // Traefik's own self-signed certificate cannot be verified; the request carries nothing secret
        boolean verify = vars.traefikCertMode() != TraefikCertMode.SELF_SIGNED;
        return Optional.of(PortalHost.of(url.get()).map(host -> new Target(host, verify, null))
                .orElseGet(() -> new Target(PortalProbe.abbreviate(url.get()), verify, "PORTAL_URL '"
                        + PortalProbe.abbreviate(url.get()) + "' names no host the console can ask (a name such as "
                        + "portal.example.com or an IPv4 address), so its healthcheck was not asked: correct PORTAL_URL"
                        + " in the environment's settings.")));
    }

    private static Check notAsked(Cluster cluster, Target target) {
        return new Check(cluster.group(), target.portal(), null, null, target.invalid());
    }

    private Check firstAnswer(Cluster cluster, Target target) {
        List<String> failures = new ArrayList<>();
        for (Node node : cluster.nodes()) {
            Check check = ask(cluster, node, target);
            if (check.tree() != null) {
                return check;
            }
            failures.add(check.problem());
        }
        return new Check(cluster.group(), target.portal(), null, null, cluster.nodes().isEmpty() ? "The cluster has no nodes."
                : "No node answered " + url(target.portal()) + " (" + String.join("; ", failures) + ").");
    }

    /** The tree as this node answered it, or (without a tree) the problem, starting with the node's name. */
    private Check ask(Cluster cluster, Node node, Target target) {
        Reply reply = probe.get(node.address(), target.portal(), 443, PATH, "application/json", target.verifyCertificate());
        if (!reply.answered()) {
            return new Check(cluster.group(), target.portal(), null, null, node.name() + ": " + reply.failure());
        }
        if (reply.body().isBlank()) {
            return new Check(cluster.group(), target.portal(), null, null, node.name() + ": HTTP " + reply.status() + " without a body");
        }
        try {
            HealthItem tree = HealthItem.parse(target.portal(), json.readTree(reply.body()));
            String problem = reply.status() == 200 ? null : node.name() + " answered HTTP " + reply.status() + " with this tree.";
            return new Check(cluster.group(), target.portal(), node.name(), tree, problem);
        } catch (JacksonException notJson) {
            return new Check(cluster.group(), target.portal(), null, null,
                    node.name() + ": HTTP " + reply.status() + ", not JSON: " + PortalProbe.abbreviate(reply.body()));
        }
    }
}
