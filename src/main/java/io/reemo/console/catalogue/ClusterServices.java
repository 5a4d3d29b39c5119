package io.reemo.console.catalogue;

import static io.reemo.console.catalogue.Component.*;

import io.reemo.console.catalogue.CatalogueInput.CertificatePair;
import io.reemo.console.catalogue.ServiceSpec.ConfigMount;
import io.reemo.console.catalogue.ServiceSpec.Mount;
import io.reemo.console.catalogue.ServiceSpec.Port;
import io.reemo.console.catalogue.ServiceSpec.SecretMount;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.CertificateFiles;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds one cluster's desired state; one instance per cluster and call. */
final class ClusterServices {

    static final String MYSQL_LABEL = "reemo.mysql";

    private final Cluster cluster;
    private final EffectiveVariables vars;
    private final CatalogueInput input;
    private final Set<SwarmObject> objects = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> nodeLabels = new LinkedHashMap<>();

    ClusterServices(Cluster cluster, EffectiveVariables vars, CatalogueInput input) {
        this.cluster = cluster;
        this.vars = vars;
        this.input = input;
    }

    DesiredCluster build() {
        List<ServiceSpec> services = new ArrayList<>();
        if (cluster.servesPortal()) {
            services.add(service(PORTAL, PORTAL.serviceName(), List.of()));
            List<String> signals = signalNames();
            for (int i = 0; i < signals.size(); i++) {
                Node node = cluster.nodes().get(i);
                services.add(service(SIGNAL, signals.get(i), List.of("node.hostname==" + hostname(node))).withReplicas(1));
            }
            if (maintenanceApplies()) {
                services.add(service(MAINTENANCE, MAINTENANCE.serviceName(), List.of()));
            }
        }
        if (cluster.servesApi()) {
            apiSide().forEach(c -> services.add(service(c, c.serviceName(), constraints(c))));
        }
        services.add(0, traefik());
        List<String> managers = cluster.nodes().stream().map(Node::name).toList();
        String endpointMode = vars.text("SWARM_ENDPOINT_MODE").orElse("vip");
        return new DesiredCluster(cluster.group(), managers, vars.network(), endpointMode, nodeLabels, List.copyOf(objects), services,
                vars.updateMonitor());
    }

    private List<Component> apiSide() {
        List<Component> list = new ArrayList<>(List.of(API, APICRON, APICRONLOG, APICRONLDAP, PROAPI, PRORELAYAPI, DB));
        if (!vars.externalDatabase()) {
            list.add(MYSQL);
        }
        if (vars.text("EXIM_SMARTHOST").isPresent()) {
            list.add(EXIM4);
        }
        if (!vars.ipList("RELAYS_IP").isEmpty()) {
            list.add(RELAYWS);
        }
        if (!vars.ipList("PROVISION_IP").isEmpty()) {
            list.add(PROVISION);
        }
        for (Component optional : List.of(APICRONCLOUD, PROCLOUDAPI, STUN)) {
            if (vars.isTrue("ENABLE_" + optional.imageComponent().toUpperCase(Locale.ROOT))) {
                list.add(optional);
            }
        }
        return list;
    }

    /** Maintenance replaces what the user portal serves: in simple mode and on the user portal cluster only. */
    private boolean maintenanceApplies() {
        boolean userPortal = cluster.group().equals(Cluster.INFRA) || cluster.group().equals(Cluster.PORTAL_USER);
        return userPortal && input.maintenance();
    }

    private List<String> constraints(Component component) {
        if (component != MYSQL) {
            return List.of();
        }
        // The data lives in /opt/reemo on one node: the container must never move away from it (product-calls.md §5).
        String dataNodeName = vars.text("MYSQL_NODE").orElse(cluster.nodes().get(0).name());
        Node dataNode = cluster.nodes().stream().filter(n -> n.name().equals(dataNodeName)).findFirst()
                .orElse(cluster.nodes().get(0));
        if (!vars.isTrue("OPT_REEMO_REPLICATED")) {
            nodeLabels.put(hostname(dataNode), Map.of(MYSQL_LABEL, "true"));
            return List.of("node.labels." + MYSQL_LABEL + "==true");
        }
        return List.of();
    }

    /** One signal per node, numbered in inventory order (product-calls.md §3). */
    private List<String> signalNames() {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= cluster.nodes().size(); n++) {
            names.add(SIGNAL.serviceName() + n);
        }
        return names;
    }

    /** What Traefik routes: the portal URLs and the signals on a portal cluster, everything to the API on an API cluster. */
    List<Route> routes() {
        if (!cluster.servesPortal()) {
            return List.of(new Route("api", Route.WEBSECURE, "", "", "", API, List.of(API.serviceName())));
        }
        List<Route> routes = new ArrayList<>();
        Component user = maintenanceApplies() ? MAINTENANCE : PORTAL;
        routes.add(new Route("portal", Route.WEBSECURE, vars.text("PORTAL_URL").orElse(""), "PORTAL_URL_RESTRICT_IP",
                vars.text("PORTAL_URL_RESTRICT_IP").orElse(""), user, List.of(user.serviceName())));
        vars.text("PORTALADMIN_URL").ifPresent(admin -> routes.add(new Route("portaladmin", Route.WEBSECURE, admin,
                "PORTALADMIN_URL_RESTRICT_IP", vars.text("PORTALADMIN_URL_RESTRICT_IP").orElse(""), PORTAL,
                List.of(PORTAL.serviceName()))));
        routes.add(new Route("signal", Route.SIGNAL, "", "", "", SIGNAL, signalNames()));
        return routes;
    }

    private ServiceSpec traefik() {
        TraefikRoutes routes = new TraefikRoutes();
        routes().forEach(r -> routes.route(r.name(), r.entryPoint(), r.host(), r.allowList(), r.backends()));
        List<SecretMount> secretMounts = new ArrayList<>();
        List<Mount> mounts = new ArrayList<>();
        TraefikCertMode mode = vars.traefikCertMode();
        if (mode == TraefikCertMode.UPLOADED) {
            int i = 0;
            for (CertificatePair pair : input.traefikCertificates().getOrDefault(cluster.group(), List.of())) {
                String base = "traefik_cert" + i++;
                secretMounts.add(secret(SwarmObject.secret(base + "_crt", pair.certificatePem()), base + ".crt"));
                secretMounts.add(secret(SwarmObject.secret(base + "_key", pair.keyPem()), base + ".key"));
                routes.certificate(TraefikRoutes.CERT_DIR + base + ".crt", TraefikRoutes.CERT_DIR + base + ".key");
            }
        } else if (mode == TraefikCertMode.ON_SERVER) {
            for (CertificateFiles files : vars.certificates("TRAEFIK_SSL_CERTS_ON_SERVER")) {
                mounts.add(new Mount(files.certFile(), files.certFile()));
                mounts.add(new Mount(files.keyFile(), files.keyFile()));
                routes.certificate(files.certFile(), files.keyFile());
            }
        }
        SwarmObject dynamic = SwarmObject.config("traefik_dynamic", routes.toYaml());
        objects.add(dynamic);
        List<String> args = new ArrayList<>(List.of("--entrypoints.web.address=:80",
                "--entrypoints.web.http.redirections.entrypoint.to=websecure",
                "--entrypoints.websecure.address=:443", "--entrypoints.signal.address=:8443",
                "--providers.file.filename=/etc/traefik/dynamic.yml"));
        if (vars.isTrue("TRAEFIK_PROMETHEUS_ENABLE")) {
            args.add("--metrics.prometheus=true");
        }
        return new ServiceSpec(TRAEFIK.serviceName(), TRAEFIK, image(TRAEFIK), Component.GLOBAL, 0, List.of(),
                new TreeMap<>(), secretMounts, List.of(new ConfigMount(dynamic.name(), "/etc/traefik/dynamic.yml")),
                mounts, List.of(new Port(80, 80), new Port(443, 443), new Port(8443, 8443)), args,
                logOptions(TRAEFIK, TRAEFIK.serviceName()), false);
    }

    private ServiceSpec service(Component component, String name, List<String> constraints) {
        TreeMap<String, String> env = new TreeMap<>();
        for (String variable : ContainerEnvironment.plain(component)) {
            vars.text(variable).ifPresent(value -> env.put(variable, value));
        }
        for (String list : ContainerEnvironment.IP_LISTS.getOrDefault(component, List.of())) {
            List<String> ips = vars.ipList(list);
            if (!ips.isEmpty()) {
                env.put(list, String.join(",", ips));
            }
        }
        List<SecretMount> secretMounts = new ArrayList<>();
        for (String variable : ContainerEnvironment.secrets(component)) {
            vars.text(variable).ifPresent(value -> {
                secretMounts.add(secret(SwarmObject.secret("reemo_" + variable.toLowerCase(Locale.ROOT), value), variable));
                env.put(variable + "_FILE", "/run/secrets/" + variable);
            });
        }
        CertificatePair tls = input.internalTls().byService().get(name);
        if (tls != null) {
            secretMounts.add(secret(SwarmObject.secret("reemo_ca_crt", input.internalTls().caCertificatePem()), "ca.crt"));
            secretMounts.add(secret(SwarmObject.secret(name + "_tls_crt", tls.certificatePem()), "tls.crt"));
            secretMounts.add(secret(SwarmObject.secret(name + "_tls_key", tls.keyPem()), "tls.key"));
        }
        List<Mount> mounts = component == MYSQL ? List.of(new Mount(vars.mysqlDataDirectory(), MYSQL_DATA_TARGET)) : List.of();
        return new ServiceSpec(name, component, image(component), replicas(component), component.maxPerNode(),
                constraints, env, secretMounts, List.of(), mounts, List.of(), List.of(), logOptions(component, name),
                component == DB);
    }

    private SecretMount secret(SwarmObject object, String fileName) {
        objects.add(object);
        return new SecretMount(object.name(), fileName);
    }

    private int replicas(Component component) {
        return vars.text("REPLICAS_" + component.name()).map(Integer::parseInt).orElse(component.defaultReplicas());
    }

    private String image(Component component) {
        String registry = vars.text("REGISTRY_URL").orElse("registry.reemo.io");
        String prefix = vars.text("REGISTRY_ENV").orElse("reemoinfra");
        return registry + "/" + prefix + component.imageComponent() + ":" + vars.version(component.imageComponent());
    }

    /** Services log to the node's syslog with their facility, as the role does (product-calls.md §16). */
    private Map<String, String> logOptions(Component component, String serviceName) {
        String facilityVariable = "SYSLOG_FACILITY_" + facilitySuffix(component);
        String facility = vars.text(facilityVariable).or(() -> vars.text("SYSLOG_FACILITY")).orElse("daemon");
        return Map.of("syslog-facility", facility, "tag", serviceName);
    }

    private String facilitySuffix(Component component) {
        return switch (component) {
            case PORTAL, MAINTENANCE -> cluster.group().equals(Cluster.PORTAL_ADMIN) ? "PORTALADMIN" : "PORTAL";
            case PROVISION, RELAYWS -> "HAPROXY";
            default -> component.imageComponent().toUpperCase(Locale.ROOT);
        };
    }

    /** Signals are pinned by Swarm node hostname, which facts report; the inventory name stands in before that. */
    private static String hostname(Node node) {
        return node.facts() != null && node.facts().hostname() != null ? node.facts().hostname() : node.name();
    }
}
