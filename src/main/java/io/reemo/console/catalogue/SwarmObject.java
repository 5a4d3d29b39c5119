package io.reemo.console.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Swarm secret or config. Both are immutable in Swarm, so the name carries a hash of the content:
 * a new content is a new object, and services move to it in a rolling update.
 *
 * @param baseName the stable part, e.g. {@code reemo_hmacsecret}
 * @param data     the content; for secrets, never print it
 */
public record SwarmObject(Kind kind, String baseName, byte[] data) {

    public enum Kind { SECRET, CONFIG }

    public static SwarmObject secret(String baseName, String data) {
        return new SwarmObject(Kind.SECRET, baseName, data.getBytes(StandardCharsets.UTF_8));
    }

    public static SwarmObject config(String baseName, String data) {
        return new SwarmObject(Kind.CONFIG, baseName, data.getBytes(StandardCharsets.UTF_8));
    }

    /** The versioned name that Swarm sees: {@code <baseName>_<first 10 hex of SHA-256>}. */
    public String name() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return baseName + "_" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return kind + " " + name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwarmObject other && kind == other.kind && name().equals(other.name());
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }
}
