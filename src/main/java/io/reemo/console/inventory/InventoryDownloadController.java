package io.reemo.console.inventory;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The inventory (without secrets) as a file to download from the pages. */
@Controller
class InventoryDownloadController {

    private final Environments environments;
    private final InventoryExporter exporter;

    InventoryDownloadController(Environments environments, InventoryExporter exporter) {
        this.environments = environments;
        this.exporter = exporter;
    }

    @GetMapping("/environments/{id}/inventory.yml")
    ResponseEntity<Resource> download(@PathVariable long id) {
        Environment environment = environments.get(id);
        String file = environment.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-inventory.yml";
        return ResponseEntity.ok()
                .contentType(InventoryFile.YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(InventoryFile.of(exporter.export(environment, false)));
    }
}
