package io.reemo.console.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Masks every secret value the console knows before text is stored or shown (job logs, command output).
 * Every place that decrypts a secret registers its value here.
 */
@Component
public class SecretMasker {

    public static final String MASK = "******";
    /** Shorter values would mask ordinary words and numbers everywhere. */
    private static final int SHORTEST_MASKED = 4;
    /** Output rarely repeats a multi-line secret (a private key) whole, but often shows its lines one by one. */
    private static final int SHORTEST_MASKED_LINE = 16;

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile List<String> longestFirst = List.of();

    public void register(String secret) {
        if (secret == null || secret.length() < SHORTEST_MASKED) {
            return;
        }
        boolean added = values.add(secret);
        if (secret.indexOf('\n') >= 0) {
            for (String line : secret.split("\\R")) {
                String body = line.strip();
                if (body.length() >= SHORTEST_MASKED_LINE && !body.startsWith("-----")) {
                    added |= values.add(body);
                }
            }
        }
        if (added) {
            longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /** Hot path: runs on every log line. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : longestFirst) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
