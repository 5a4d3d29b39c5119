package io.reemo.console.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms a secret takes in what a node or a tool prints besides its own: base64 (a Basic header, the "auth" of a
 * {@code ~/.docker/config.json}), URL-encoded (a DSN, a query), JSON-escaped (a password holding {@code "} or
 * {@code \}) and single-quoted for a shell ({@code '\''}). A form equal to the value itself is not repeated, so that
 * the masker's list only grows where a secret really reads differently.
 */
final class SecretForms {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private SecretForms() {
    }

    /** The value first, then each form that differs from it. */
    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String base64 = BASE64.encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        forms.add(base64);
        // also without the padding, which some encoders leave out (JWT, docker's X-Registry-Auth)
        forms.add(base64.replace("=", ""));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(jsonEscaped(secret));
        forms.add(secret.replace("'", "'\\''"));
        return forms;
    }

    static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
