package io.reemo.console.node.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;

/**
 * SHA-256 host key fingerprints in the form {@code ssh-keygen -l -E sha256} prints ({@code SHA256:<base64>}).
 * sshj's own messages show MD5 fingerprints, so every message the console shows is built from these instead.
 */
public final class HostKeyFingerprint {

    private static final String PREFIX = "SHA256:";

    private HostKeyFingerprint() {
    }

    public static String sha256(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Accepts a pin with or without the {@code SHA256:} prefix and with or without base64 padding. */
    public static String normalize(String pin) {
        if (pin == null) {
            return null;
        }
        String value = pin.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
        }
        while (value.endsWith("=")) {
            value = value.substring(0, value.length() - 1);
        }
        return PREFIX + value;
    }

    public static boolean matches(String pin, String presented) {
        return pin != null && normalize(pin).equals(normalize(presented));
    }
}
