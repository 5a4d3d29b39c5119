package io.reemo.console.environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables as one cluster (or one node) sees them, with the catalogue's defaults: the way every module
 * reads a setting. Obtain it from {@link VariableCatalogue#effective(Environment, Cluster)}.
 */
public final class EffectiveVariables {

    /** The overlay network of a new platform's services; an adopted platform keeps its own. */
    public static final String DEFAULT_NETWORK = "reemo_net";
    /** Where the console keeps a new internal database; an adopted platform keeps its own place. */
    public static final String DEFAULT_MYSQL_DATA_DIR = "/opt/reemo/mysql";
    public static final Duration DEFAULT_UPDATE_MONITOR = Duration.ofSeconds(8);

    /** {@code {{ NAME }}}: the only Jinja the console evaluates, as the role's own defaults use it. */
    public static final Pattern REFERENCE = Pattern.compile("^\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}$");
    private static final int MAX_REFERENCE_DEPTH = 8;

    /** Where the Traefik certificate comes from (product-calls.md §13). */
    public enum TraefikCertMode { SELF_SIGNED, UPLOADED, ON_SERVER }

    /** One {@code {cert_file, key_file}} item of a certificate list. */
    public record CertificateFiles(String certFile, String keyFile) {
    }

    /**
     * The registry the images come from and the account that reads it.
     *
     * @param registry {@code host[:port]}
     * @param username {@code null} for anonymous access
     */
    public record RegistryLogin(String registry, String username, String password) {

        @Override
        public String toString() {
            return "RegistryLogin[" + registry + " as " + (username == null ? "anonymous" : username) + "]";
        }
    }

    private final VariableCatalogue catalogue;
    private final Map<String, Object> values;

    EffectiveVariables(VariableCatalogue catalogue, Map<String, Object> values) {
        this.catalogue = catalogue;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value as the inventory sets it (a string, number, boolean, list or map), empty when unset or null. */
    public Optional<Object> explicit(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The value as text: the inventory's scalar, else the catalogue's default, with {@code {{ NAME }}} references
     * resolved. Empty when neither exists, or when the value is a list or map.
     */
    public Optional<String> text(String name) {
        return text(name, 0);
    }

    private Optional<String> text(String name, int depth) {
        Object value = values.get(name);
        String raw = value == null
                ? catalogue.find(name).map(Variable::defaultValue).orElse(null)
                : value instanceof Map || value instanceof List ? null : String.valueOf(value);
        if (raw == null) {
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(raw.strip());
        if (reference.matches() && depth < MAX_REFERENCE_DEPTH) {
            return text(reference.group(1), depth + 1);
        }
        return Optional.of(raw);
    }

    /** A boolean setting: {@code true} or {@code "true"} (any case), else its default. */
    public boolean isTrue(String name) {
        return text(name).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** The image tag of a component ({@code api}, {@code portal}, …): {@code DOCKER_VERSION_*} or its default. */
    public String version(String component) {
        return text(VariableCatalogue.versionVariable(component)).orElseGet(() -> catalogue.defaultVersion(component));
    }

    /** The addresses of an {@code [{ip: …}]} list such as {@code API_IP} or {@code RELAYS_IP}; bad entries are skipped. */
    public List<String> ipList(String name) {
        List<String> ips = new ArrayList<>();
        if (values.get(name) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("ip") != null) {
                    ips.add(String.valueOf(entry.get("ip")).strip());
                }
            }
        }
        return ips;
    }

    /** The items of a {@code [{cert_file, key_file}]} list such as {@code TRAEFIK_SSL_CERTS}; incomplete items are skipped. */
    public List<CertificateFiles> certificates(String name) {
        List<CertificateFiles> pairs = new ArrayList<>();
        if (values.get(name) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("cert_file") != null && entry.get("key_file") != null) {
                    pairs.add(new CertificateFiles(String.valueOf(entry.get("cert_file")), String.valueOf(entry.get("key_file"))));
                }
            }
        }
        return pairs;
    }

    /** {@code TRAEFIK_CERT_MODE}, or when unset: uploaded if {@code TRAEFIK_SSL_CERTS} is set, else self-signed. */
    public TraefikCertMode traefikCertMode() {
        return explicit(StandardVariables.TRAEFIK_CERT_MODE)
                .map(mode -> switch (String.valueOf(mode).strip()) {
                    case "uploaded" -> TraefikCertMode.UPLOADED;
                    case "on-server" -> TraefikCertMode.ON_SERVER;
                    default -> TraefikCertMode.SELF_SIGNED;
                })
                .orElse(explicit("TRAEFIK_SSL_CERTS").isPresent() ? TraefikCertMode.UPLOADED : TraefikCertMode.SELF_SIGNED);
    }

    /** {@code REGISTRY_URL}, {@code REGISTRY_USERNAME} and {@code REGISTRY_PASSWORD}: what the console and the nodes log in with. */
    public RegistryLogin registryLogin() {
        return new RegistryLogin(text("REGISTRY_URL").orElse(""), text("REGISTRY_USERNAME").orElse(null),
                text("REGISTRY_PASSWORD").orElse(null));
    }

    /** The overlay network the cluster's services share ({@code SWARM_NETWORK}). */
    public String network() {
        return text("SWARM_NETWORK").filter(n -> !n.isBlank()).orElse(DEFAULT_NETWORK);
    }

    /** The directory on the MySQL node that holds the internal database ({@code MYSQL_DATA_DIR}). */
    public String mysqlDataDirectory() {
        return text("MYSQL_DATA_DIR").filter(d -> !d.isBlank()).orElse(DEFAULT_MYSQL_DATA_DIR);
    }

    /**
     * How long Swarm watches each updated task before it goes on to the next ({@code SWARM_UPDATE_MONITOR}, seconds);
     * a value that is not a whole number counts as the default here, and SettingsChecks names it.
     */
    public Duration updateMonitor() {
        return text("SWARM_UPDATE_MONITOR").map(String::strip).filter(s -> s.matches("\\d{1,4}"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(DEFAULT_UPDATE_MONITOR);
    }

    /** An external database is used when {@code DB_HOST} is set (product-calls.md §9): no internal MySQL then. */

    public boolean externalDatabase() {
        return text("DB_HOST").filter(h -> !h.isBlank()).isPresent();
    }
}
