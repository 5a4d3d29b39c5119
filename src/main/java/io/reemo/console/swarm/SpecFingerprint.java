package io.reemo.console.swarm;

import io.reemo.console.catalogue.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A short hash per field of a desired service spec, stored as a label on the service at apply time. The
 * next plan compares field by field, so it can say <em>what</em> changed without parsing Docker's spec back.
 * Image and replicas are compared with the live values instead, which also catches changes made behind
 * the console's back.
 */
final class SpecFingerprint {

    static final String LABEL = "io.reemo.console.fingerprint";
    static final String MANAGED_LABEL = "io.reemo.console.managed";

    private SpecFingerprint() {
    }

    static Map<String, String> fields(ServiceSpec spec) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("env", hash(spec.env()));
        fields.put("placement", hash(List.of(spec.constraints(), spec.maxPerNode())));
        fields.put("secrets", hash(spec.secrets()));
        fields.put("configs", hash(spec.configs()));
        fields.put("mounts", hash(spec.mounts()));
        fields.put("ports", hash(spec.ports()));
        fields.put("args", hash(spec.args()));
        fields.put("logging", hash(spec.logOptions()));
        return fields;
    }

    static String label(ServiceSpec spec) {
        return fields(spec).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<String, String> parse(String label) {
        Map<String, String> fields = new TreeMap<>();
        if (label == null || label.isBlank()) {
            return fields;
        }
        for (String pair : label.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }

    private static String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
