package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job request's parameters, read by a {@link JobType}. Each getter records what is wrong (naming the
 * parameter and what to send instead) and returns a usable fallback, so that every problem is reported at once.
 */
public final class JobParameters {

    private final String type;
    private final Map<String, Object> values;
    private final List<String> problems = new ArrayList<>();

    JobParameters(String type, Map<String, Object> values, Set<String> known) {
        this.type = type;
        this.values = new LinkedHashMap<>(values);
        values.keySet().stream().filter(name -> !known.contains(name)).forEach(name -> problems.add(
                "unknown parameter '" + name + "' for a '" + type + "' job" + (known.isEmpty() ? " (it takes none)" : " (it takes " + known + ")")));
    }

    public Optional<String> string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            problems.add("'" + name + "' must be a string");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A non-blank string; {@code hint} tells what it is for. */
    public String requiredString(String name, String hint) {
        Optional<String> value = string(name);
        if (value.isEmpty() || value.get().isBlank()) {
            if (values.get(name) == null || value.isPresent()) {
                problems.add("'" + name + "' is required: " + hint);
            }
            return "";
        }
        return value.get();
    }

    /** A JSON boolean; {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            problems.add("'" + name + "' must be true or false");
            return fallback;
        }
        return flag;
    }

    /** A JSON boolean that must be given; {@code hint} tells what each value does. */
    public boolean requiredBool(String name, String hint) {
        if (values.get(name) == null) {
            problems.add("'" + name + "' is required: " + hint);
            return false;
        }
        return bool(name, false);
    }

    /** A list of strings, each one of {@code allowed}; empty when absent. */
    public List<String> strings(String name, Collection<String> allowed) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            problems.add("'" + name + "' must be a list of strings, from " + allowed);
            return List.of();
        }
        List<String> chosen = new ArrayList<>();
        for (Object item : list) {
            if (!allowed.contains(item)) {
                problems.add("'" + name + "': unknown value '" + item + "' (known: " + String.join(", ", allowed) + ")");
            } else if (!chosen.contains(item)) {
                chosen.add((String) item);
            }
        }
        return chosen;
    }

    /** An object of string values whose keys match {@code keyPattern}; empty when absent. */
    public Map<String, String> stringMap(String name, java.util.regex.Pattern keyPattern, String keyHint) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("'" + name + "' must be an object, e.g. {\"DOCKER_VERSION_API\": \"2.14.0\"}");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key) || !keyPattern.matcher(key).matches()) {
                problems.add("'" + name + "': '" + k + "' is not " + keyHint);
            } else if (!(v instanceof String text) || text.isBlank()) {
                problems.add("'" + name + "': " + k + " must be a non-empty string");
            } else {
                result.put(key, text.strip());
            }
        });
        return result;
    }

    /** A problem found by the job type itself (state of the environment rather than the request's shape). */
    public void reject(String problem) {
        problems.add(problem);
    }

    /** Whole seconds between 1 and {@code max}; {@code fallback} when absent. */
    public Duration seconds(String name, Duration fallback, Duration max) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.longValue() < 1 || number.longValue() > max.toSeconds()
                || number.doubleValue() != number.longValue()) {
            problems.add("'" + name + "' must be a whole number of seconds from 1 to " + max.toSeconds());
            return fallback;
        }
        return Duration.ofSeconds(number.longValue());
    }

    /** The nodes named in {@code "nodes": [...]}, in that order, or every node of the environment when absent. */
    public List<Node> nodes(Environment environment) {
        List<Node> all = environment.nodes();
        if (all.isEmpty()) {
            problems.add("environment '" + environment.name() + "' has no nodes yet: add its servers first");
            return List.of();
        }
        Object value = values.get("nodes");
        if (value == null) {
            return all;
        }
        if (!(value instanceof List<?> names) || names.isEmpty() || !names.stream().allMatch(String.class::isInstance)) {
            problems.add("'nodes' must be a non-empty list of node names, e.g. [\"" + all.get(0).name() + "\"] (leave it out for all nodes)");
            return all;
        }
        List<Node> chosen = new ArrayList<>();
        for (Object name : names) {
            Optional<Node> node = environment.node((String) name);
            if (node.isEmpty()) {
                problems.add("'nodes': environment '" + environment.name() + "' has no node '" + name + "' (it has "
                        + String.join(", ", all.stream().map(Node::name).toList()) + ")");
            } else if (!chosen.contains(node.get())) {
                chosen.add(node.get());
            }
        }
        return chosen.isEmpty() ? all : chosen;
    }

    /** @throws JobParametersException listing every problem found so far */
    void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new JobParametersException(problems);
        }
    }

    @Override
    public String toString() {
        return type + " " + values;
    }
}
