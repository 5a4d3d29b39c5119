package io.reemo.console.environment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every variable the console knows: name, type, scope, default, help and whether it is a secret.
 * The default image versions come from {@code reemo/versions.properties}, the one versions file of the project.
 * Other modules read defaults and effective values through here, never from their own copies.
 */
@Component
public class VariableCatalogue {

    static final String VERSIONS_RESOURCE = "reemo/versions.properties";
    /** Names of variables the catalogue does not know that still look like they hold a secret. */
    private static final Pattern SECRET_LOOKING = Pattern.compile(
            "(?i).*(password|secret).*|(.*[_-])?(pass|passwd|pwd|token|private_?key|api_?key)([_-].*)?");
    private static final Pattern PATH_LOOKING = Pattern.compile("(?i).*_(file|path|localpath)$");

    private final Map<String, String> defaultVersions;
    private final Map<String, Variable> byName;

    public VariableCatalogue() {
        defaultVersions = readVersions();
        byName = StandardVariables.build(defaultVersions).stream()
                .collect(Collectors.toMap(Variable::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Every variable, grouped by section in the order the wizard shows them. */
    public List<Variable> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Variable> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Whether a value is encrypted at rest, masked and left out of exports: the catalogue's secrets, and unknown
     * variables whose name says password, secret, token or key (but not a key file path).
     */
    public boolean isSecret(String name) {
        Variable known = byName.get(name);
        if (known != null) {
            return known.secret();
        }
        return SECRET_LOOKING.matcher(name).matches() && !PATH_LOOKING.matcher(name).matches();
    }

    /** Whether a value is handled as a secret: a secret name and a single value (text, number or boolean). */
    public boolean isSecretValue(String name, Object value) {
        return value != null && !(value instanceof Map) && !(value instanceof List) && isSecret(name);
    }

    /** Ansible's own variables ({@code ansible_*}) are never reported as unknown. */
    public static boolean isAnsibleVariable(String name) {
        return name.startsWith("ansible_");
    }

    /** Default image tag per component ({@code api}, {@code portal}, …, {@code ws_relay_server}), in file order. */
    public Map<String, String> defaultVersions() {
        return Map.copyOf(defaultVersions);
    }

    /**
     * The default image tag of a component, as {@code api}, {@code ws-relay-server} or {@code DOCKER_VERSION_API}.
     *
     * @throws IllegalArgumentException for a component the versions file does not list
     */
    public String defaultVersion(String component) {
        String key = component.toLowerCase(Locale.ROOT).replace('-', '_').replaceFirst("^docker_version_", "");
        String version = defaultVersions.get(key);
        if (version == null) {
            throw new IllegalArgumentException("no default version for component '" + component + "'; known: "
                    + String.join(", ", defaultVersions.keySet()));
        }
        return version;
    }

    /** {@code DOCKER_VERSION_<COMPONENT>} of a component name. */
    public static String versionVariable(String component) {
        return StandardVariables.versionVariable(component);
    }

    /** The variables as one cluster sees them (all.vars, then its parent group, then its group), with defaults. */
    public EffectiveVariables effective(Environment environment, Cluster cluster) {
        return new EffectiveVariables(this, environment.effectiveVars(cluster));
    }

    /** The variables as one node sees them: the cluster's, then the node's own host vars. */
    public EffectiveVariables effective(Environment environment, Cluster cluster, Node node) {
        Map<String, Object> merged = environment.effectiveVars(cluster);
        merged.putAll(node.vars());
        return new EffectiveVariables(this, merged);
    }

    private static Map<String, String> readVersions() {
        InputStream in = VariableCatalogue.class.getClassLoader().getResourceAsStream(VERSIONS_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(VERSIONS_RESOURCE + " is missing from the classpath");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(VERSIONS_RESOURCE + ": '" + line + "' is not <component>=<tag>");
                }
                versions.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }
}
