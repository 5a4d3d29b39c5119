package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a license contains, without its values: the top-level keys of the JSON document that the base64
 * {@code API_LICENSE} decodes to. The license itself is never logged or shown.
 */
public record LicenseSummary(List<String> keys) {

    public LicenseSummary {
        keys = List.copyOf(keys);
    }

    /**
     * @throws IllegalArgumentException with a message that names what is wrong, never the value
     */
    public static LicenseSummary read(String base64, JsonMapper json) {
        byte[] decoded;
        try {
            // Licenses are often pasted wrapped over several lines.
            decoded = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid base64 (" + base64.length()
                    + " characters); paste the license key exactly as customers.reemo.io gives it");
        }
        JsonNode document;
        try {
            document = json.readTree(decoded);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("is base64, but what it decodes to (" + decoded.length
                    + " bytes) is not JSON; a Reemo license decodes to a JSON document");
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("decodes to JSON that is not an object; a Reemo license is a JSON object");
        }
        List<String> keys = new ArrayList<>(document.propertyNames());
        return new LicenseSummary(keys);
    }
}
