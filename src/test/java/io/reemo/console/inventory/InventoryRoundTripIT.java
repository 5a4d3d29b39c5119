package io.reemo.console.inventory;

import static io.reemo.console.support.InventoryExamples.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.support.ConsoleApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each of the vendor documentation's example inventories goes through the console (import over the API, stored
 * encrypted in H2, export over the API) and Ansible itself ({@code ansible-inventory --list}, Debian's ansible)
 * must read the export as the same groups, hosts and variables as the example in its strict layout.
 */
class InventoryRoundTripIT extends ConsoleApiTest {

    @TempDir
    Path work;
    @Autowired
    private JsonMapper json;
    @Autowired
    private VariableCatalogue catalogue;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"single-server.doc.yml, single-server.strict.yml", "single-server.strict.yml, single-server.strict.yml",
            "cluster.doc.yml, cluster.strict.yml", "cluster.strict.yml, cluster.strict.yml",
            "dedicated.doc.yml, dedicated.strict.yml", "dedicated.strict.yml, dedicated.strict.yml"})
    void ansibleReadsTheExportAsTheOriginal(String example, String strict) throws Exception {
        long id = importExample(example);

        JsonNode original = ansibleInventory(resource(strict));
        JsonNode exported = ansibleInventory(export(id, true));

        assertThat(exported).isEqualTo(original);
        assertThat(original.get("_meta").get("hostvars").size()).as("the example has hosts").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"single-server.doc.yml, single-server.strict.yml", "cluster.doc.yml, cluster.strict.yml",
            "dedicated.doc.yml, dedicated.strict.yml"})
    void withoutSecretsAnsibleReadsTheSameInventoryLessItsSecrets(String example, String strict) throws Exception {
        long id = importExample(example);

        JsonNode original = ansibleInventory(resource(strict));
        JsonNode exported = ansibleInventory(export(id, false));

        ObjectNode expected = (ObjectNode) original.deepCopy();
        expected.get("_meta").get("hostvars").forEach(host -> ((ObjectNode) host).propertyNames().stream()
                .filter(catalogue::isSecret).toList().forEach(((ObjectNode) host)::remove));
        assertThat(exported).isEqualTo(expected);
        assertThat(expected).isNotEqualTo(original);
    }

    @Test
    void ansibleItselfIgnoresTheGroupsOfTheDocumentationLayoutWhichIsWhyTheConsoleWarns() throws Exception {
        JsonNode doc = ansibleInventory(resource("single-server.doc.yml"));
        assertThat(doc.get("_meta").get("hostvars").size()).isZero();
        assertThat(ansibleInventory(resource("single-server.strict.yml")).get("_meta").get("hostvars").has("infra_manager1")).isTrue();
    }

    private long importExample(String example) throws Exception {
        String body = mvc.perform(post("/api/v1/environments/import").param("name", example).contentType("application/yaml")
                        .content(resource(example)).with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private String export(long id, boolean secrets) throws Exception {
        return mvc.perform(get("/api/v1/environments/{id}/inventory", id).param("secrets", String.valueOf(secrets)).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private JsonNode ansibleInventory(String inventory) throws IOException, InterruptedException {
        Path file = Files.createTempFile(work, "inventory", ".yml");
        Files.writeString(file, inventory);
        ProcessBuilder builder = new ProcessBuilder("ansible-inventory", "-i", file.toString(), "--list")
                .redirectError(work.resolve("ansible.err").toFile());
        builder.environment().put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
        builder.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ansible-inventory finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("ansible.err"))).isZero();
        return json.readTree(out);
    }
}
