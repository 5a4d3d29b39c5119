package io.reemo.console.api;

import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentJson;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.InvalidEnvironmentException;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.inventory.InventoryExporter;
import io.reemo.console.inventory.InventoryFile;
import io.reemo.console.inventory.InventoryImporter;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = "Ansible inventory", description = "Import an inventory.yml of the reemo-infra role, export an environment as one")
class InventoryController {

    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "text/plain");
    /** As large as the YAML reader accepts; the body is never read further. */
    private static final int MAX_BYTES = InventoryImporter.MAX_CODE_POINTS;

    private final InventoryImporter importer;
    private final InventoryExporter exporter;
    private final EnvironmentValidator validator;
    private final Environments environments;
    private final VariableCatalogue catalogue;
    private final JsonMapper json;
    private final AuditLog audit;

    InventoryController(InventoryImporter importer, InventoryExporter exporter, EnvironmentValidator validator,
                        Environments environments, VariableCatalogue catalogue, JsonMapper json, AuditLog audit) {
        this.importer = importer;
        this.exporter = exporter;
        this.validator = validator;
        this.environments = environments;
        this.catalogue = catalogue;
        this.json = json;
        this.audit = audit;
    }

    @PostMapping("/import")
    @Operation(summary = "Import an inventory.yml (admin; Content-Type: application/yaml): 201 with the new environment "
            + "and its warnings, or 422 with every problem and its line and column")
    ResponseEntity<EnvironmentJson> importInventory(
            @Parameter(description = "name of the new environment") @RequestParam String name,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            InputStream body, Authentication user) throws IOException {
        ApiAccess.requireAdmin(user, "import inventories");
        if (!isYaml(contentType)) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the inventory as the request body "
                    + "with Content-Type: application/yaml.");
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The inventory is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB; no reemo-infra inventory is that large.");
        }
        InventoryImporter.Result result = importer.read(new String(bytes, StandardCharsets.UTF_8), name.strip());
        List<Problem> problems = new ArrayList<>(result.problems());
        if (result.environment() != null) {
            problems.addAll(validator.validate(result.environment(), result.positions()));
        }
        problems.sort(Problem.READING_ORDER);
        if (result.environment() == null || problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidEnvironmentException(problems);
        }
        Environment saved = environments.save(result.environment(), Edit.of(RevisionCause.INVENTORY_IMPORT, user.getName()));
        audit.record("environment.import", saved.name(), "id " + saved.id());
        return ResponseEntity.created(URI.create("/api/v1/environments/" + saved.id()))
                .body(EnvironmentJson.of(saved, catalogue, json).withWarnings(problems));
    }

    private static boolean isYaml(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return YAML_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (IllegalArgumentException notAMediaType) {
            return false;
        }
    }

    @GetMapping("/{id}/inventory")
    @Operation(summary = "The environment as a strictly valid Ansible YAML inventory; secrets are left out unless an "
            + "administrator asks for them (secrets=true, audited)")
    ResponseEntity<Resource> export(@PathVariable long id, @RequestParam(defaultValue = "false") boolean secrets,
                                  Authentication user) {
        if (secrets) {
            ApiAccess.requireAdmin(user, "export secrets");
        }
        Environment environment = environments.get(id);
        String inventory = exporter.export(environment, secrets);
        if (secrets) {
            audit.record("inventory.export-secrets", environment.name(), "id " + id);
        }
        return ResponseEntity.ok().contentType(InventoryFile.YAML).body(InventoryFile.of(inventory));
    }
}
