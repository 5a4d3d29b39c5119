package io.reemo.console.wizard;

import io.reemo.console.environment.Variable;
import io.reemo.console.environment.VariableType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Between a form's text and an inventory value: lists are typed one item a line. */
final class FormValues {

    private FormValues() {
    }

    /** The value to store, {@code null} for an empty input (the variable is then unset). */
    static Object parse(Variable variable, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = variable.type() == VariableType.PEM_CERTIFICATE || variable.type() == VariableType.PEM_PRIVATE_KEY
                ? text.strip() + "\n" : text.strip();
        return switch (variable.type()) {
            case INT -> value.matches("-?\\d{1,9}") ? Integer.valueOf(value) : value;
            case IP_LIST -> items(value).stream().map(ip -> Map.of("ip", ip)).toList();
            case STRING_LIST -> items(value);
            case CERT_LIST, REMOTE_CERT_LIST -> lines(value).stream().map(FormValues::certificatePair).toList();
            default -> value;
        };
    }

    /** The value as the form shows it. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FormValues::formatItem).collect(Collectors.joining("\n"));
        }
        return String.valueOf(value);
    }

    /** Lists and PEM documents are typed in a text area. */
    static boolean multiline(Variable variable) {
        return switch (variable.type()) {
            case IP_LIST, STRING_LIST, CERT_LIST, REMOTE_CERT_LIST, PEM_CERTIFICATE, PEM_PRIVATE_KEY, BASE64_JSON -> true;
            default -> false;
        };
    }

    /** How a list is typed, for the hint under its text area. */
    static String listHint(Variable variable) {
        return switch (variable.type()) {
            case IP_LIST -> "One address a line.";
            case STRING_LIST -> "One item a line.";
            case CERT_LIST, REMOTE_CERT_LIST -> "One pair a line: certificate file, key file (separated by a comma).";
            default -> "";
        };
    }

    private static String formatItem(Object item) {
        if (item instanceof Map<?, ?> map) {
            if (map.containsKey("ip")) {
                return String.valueOf(map.get("ip"));
            }
            if (map.containsKey("cert_file") || map.containsKey("key_file")) {
                // An item with only one of the two (a common indentation slip) shows its empty side as such.
                return Objects.toString(map.get("cert_file"), "") + ", " + Objects.toString(map.get("key_file"), "");
            }
        }
        return String.valueOf(item);
    }

    private static List<String> items(String value) {
        return Arrays.stream(value.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String value) {
        return value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Object> certificatePair(String line) {
        String[] parts = line.split("\\s*,\\s*|\\s+", 2);
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("cert_file", parts[0]);
        pair.put("key_file", parts.length > 1 ? parts[1] : null);
        return pair;
    }
}
