package io.reemo.console.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge, e.g. {@code Bearer realm="https://auth.example/token",service="registry",
 * scope="repository:a/b:pull,push"} or {@code Basic realm="Registry"}. Quoted values may hold commas and
 * backslash escapes.
 *
 * @param scheme     lower case: {@code basic} or {@code bearer}
 * @param parameters names in lower case
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    static Optional<AuthChallenge> parse(String header) {
        String text = header == null ? "" : header.trim();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuthChallenge(scheme, space < 0 ? Map.of() : parameters(text.substring(space + 1))));
    }

    /** Bearer when the registry offers it (a token works for every scope), else the first one. */
    static Optional<AuthChallenge> preferred(List<String> headers) {
        List<AuthChallenge> challenges = headers.stream().map(AuthChallenge::parse).flatMap(Optional::stream).toList();
        return challenges.stream().filter(c -> c.scheme().equals("bearer")).findFirst()
                .or(() -> challenges.stream().findFirst());
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            parameters.put(name, value.toString().trim());
        }
        return parameters;
    }
}
