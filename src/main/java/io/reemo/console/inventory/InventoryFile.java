package io.reemo.console.inventory;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/** An exported inventory as the body of an answer, for the API and for the pages' download. */
public final class InventoryFile {

    public static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private InventoryFile() {
    }

    /** A body whose toString is not its content: Spring's debug log prints response bodies, and this one may hold secrets. */
    public static Resource of(String inventory) {
        return new ByteArrayResource(inventory.getBytes(StandardCharsets.UTF_8), "Ansible inventory");
    }
}
