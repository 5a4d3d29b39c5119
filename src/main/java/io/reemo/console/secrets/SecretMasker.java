package io.reemo.console.secrets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Masks every secret value the console knows before text is stored or shown (job logs, command output), in the
 * forms it takes besides its own ({@link SecretForms}: base64, URL-encoded, JSON-escaped, shell-quoted).
 * Every place that decrypts a secret registers its value here; a place that builds a credential out of secrets
 * (a {@code user:password} login) registers what it builds.
 */
@Component
public class SecretMasker {

    public static final String MASK = "******";
    /** Shorter values would mask ordinary words and numbers everywhere (the validator refuses short secrets). */
    private static final int SHORTEST_MASKED = 4;
    /** Output rarely repeats a multi-line secret (a private key) whole, but often shows its lines one by one. */
    private static final int SHORTEST_MASKED_LINE = 16;

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile SecretIndex index = SecretIndex.EMPTY;

    public void register(String secret) {
        if (secret == null || secret.length() < SHORTEST_MASKED) {
            return;
        }
        boolean added = false;
        for (String form : SecretForms.of(secret)) {
            added |= values.add(form);
        }
        if (secret.indexOf('\n') >= 0) {
            for (String line : secret.split("\\R")) {
                String body = line.strip();
                if (body.length() >= SHORTEST_MASKED_LINE && !body.startsWith("-----")) {
                    added |= values.add(body);
                }
            }
        }
        if (added) {
            reindex();
        }
    }

    /** Hot path: runs on every log line. */
    public String mask(String text) {
        return text == null ? null : index.mask(text, MASK);
    }

    /** Under the lock, the last index built holds every value added before it, whichever thread added it. */
    private synchronized void reindex() {
        index = new SecretIndex(values);
    }
}
