package io.reemo.console.api;

import io.reemo.console.deploy.ParameterProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a request's JSON object, read as Java values. A field of the wrong JSON type is named (with what to
 * send) and read as its fallback, so that every problem is reported at once; a field the request does not take is
 * named as a typo. JSON {@code null} counts as absent. Checking the values is not done here: that is the job type's.
 */
final class JsonFields {

    private final JsonNode body;
    private final List<ParameterProblem> problems = new ArrayList<>();

    /**
     * @param what  the request, for the typo message: {@code 'command' job}
     * @param takes the fields it takes (and {@code ignored})
     */
    JsonFields(JsonNode body, String what, List<String> takes, String ignored) {
        this.body = body;
        body.propertyNames().stream().filter(name -> !takes.contains(name) && !name.equals(ignored)).forEach(name -> problems.add(
                new ParameterProblem(name, "unknown parameter '" + name + "' for a " + what + " (it takes "
                        + (takes.isEmpty() ? "none" : takes) + ")")));
    }

    List<ParameterProblem> problems() {
        return problems;
    }

    /** A JSON boolean; false when absent. */
    boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(new ParameterProblem(name, "'" + name + "' must be true or false"));
            return false;
        }
        return value.booleanValue();
    }

    /** A JSON boolean that must be sent; {@code hint} says what each value does. */
    boolean requiredBool(String name, String hint) {
        if (value(name) == null) {
            problems.add(new ParameterProblem(name, "'" + name + "' is required: " + hint));
            return false;
        }
        return bool(name);
    }

    /** A JSON string; {@code null} when absent. */
    String string(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new ParameterProblem(name, "'" + name + "' must be a string"));
            return null;
        }
        return value.stringValue();
    }

    /** A list of strings, each meant to be one of {@code from}; empty when absent. */
    List<String> strings(String name, List<String> from) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        List<String> strings = stringsOf(value);
        if (strings == null) {
            problems.add(new ParameterProblem(name, "'" + name + "' must be a list of strings, from " + from));
            return List.of();
        }
        return strings;
    }

    /**
     * A list of node names; {@code null} when absent. Anything but a list of strings reads as an empty list, which the
     * job type refuses with an example taken from the environment's nodes.
     */
    List<String> nodes(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        List<String> names = stringsOf(value);
        return names == null ? List.of() : names;
    }

    /**
     * An object of strings, each stripped; empty when absent. A value that is no string reads as empty, which the job
     * type refuses as it refuses an empty one.
     */
    Map<String, String> stringMap(String name, String example) {
        JsonNode value = value(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            problems.add(new ParameterProblem(name, "'" + name + "' must be an object, e.g. " + example));
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().isString() ? entry.getValue().stringValue().strip() : ""));
        return map;
    }

    /**
     * A whole number (600 or 600.0); {@code null} when absent; {@code rule} says what to send instead. One beyond a
     * long reads as the largest long, which no range takes.
     */
    Long wholeNumber(String name, String rule) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() != Math.rint(value.doubleValue())) {
            problems.add(new ParameterProblem(name, rule));
            return null;
        }
        return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : (long) value.doubleValue();
    }

    private JsonNode value(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static List<String> stringsOf(JsonNode value) {
        if (!value.isArray() || !value.values().stream().allMatch(JsonNode::isString)) {
            return null;
        }
        return value.values().stream().map(JsonNode::stringValue).toList();
    }
}
