package io.reemo.console.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The example inventories of {@code src/test/resources/inventories} (the documentation's, and broken ones). */
public final class InventoryExamples {

    private InventoryExamples() {
    }

    public static String resource(String name) {
        try (InputStream in = InventoryExamples.class.getResourceAsStream("/inventories/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
