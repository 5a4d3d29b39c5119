package io.reemo.console.api;

import static io.reemo.console.support.InventoryExamples.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Fixtures;
import io.reemo.console.inventory.InventoryImporter;
import io.reemo.console.security.AuditLog;
import io.reemo.console.support.ConsoleApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

class InventoryControllerTest extends ConsoleApiTest {

    @Autowired
    private JsonMapper json;
    @Autowired
    private AuditLog audit;

    private static MockHttpServletRequestBuilder importYaml(String name, String yaml) {
        return post("/api/v1/environments/import").param("name", name).contentType("application/yaml").content(yaml);
    }

    private long imported(String example) throws Exception {
        String body = mvc.perform(importYaml("prod", resource(example)).with(admin()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-server.doc.yml", "cluster.doc.yml", "dedicated.doc.yml", "dedicated.strict.yml"})
    void theDocumentationsExamplesImportWith201AndTheirId(String example) throws Exception {
        mvc.perform(importYaml(example, resource(example)).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/environments/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value(example))
                .andExpect(jsonPath("$.vars.API_LICENSE.set").value(true));
        db.sql("DELETE FROM environment").update();
    }

    @Test
    void theDocumentationLayoutIsImportedWithItsWarning() throws Exception {
        mvc.perform(importYaml("single", resource("single-server.doc.yml")).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[?(@.code == 'LAYOUT')].line").value(4))
                .andExpect(jsonPath("$.warnings[?(@.code == 'LAYOUT')].message", hasItem(containsString("Ansible ignores"))));
    }

    @Test
    void aMalformedFileAnswers422WithLineAndColumn() throws Exception {
        mvc.perform(importYaml("bad", resource("dedicated.misindented-keyfile.yml")).with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.problems[0].line").value(13))
                .andExpect(jsonPath("$.problems[0].column").value(11))
                .andExpect(jsonPath("$.problems[0].message", containsString("not valid YAML")));
    }

    /** M1 of the security review: a path may not make the console read its own master key, nor ship it to a node. */
    @Test
    void aFileOfTheConsolesMachineOutsideTheFoldersItReadsIsRefusedAndTheVendorsPathsAreOnlyMissing() throws Exception {
        String masterKey = dataDir().resolve("master.key").toAbsolutePath().toString();
        String yaml = resource("cluster.strict.yml")
                .replace("\"/localpath/to/key.key\"", "\"" + masterKey + "\"")
                .replace("          ansible_host: \"10.0.0.1\"\n", "          ansible_host: \"10.0.0.1\"\n          ansible_ssh_private_key_file: \""
                        + masterKey + "\"\n");
        mvc.perform(importYaml("stealing", yaml).with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.field == 'TRAEFIK_SSL_CERTS')].message",
                        hasItem(containsString(masterKey + " is outside the folders the console reads files from"))))
                .andExpect(jsonPath("$.problems[?(@.code == 'CREDENTIAL')].message",
                        hasItem(containsString("the key file " + masterKey + " is outside the folders"))))
                .andExpect(jsonPath("$.problems[?(@.code == 'CREDENTIAL')].line").value(36));
        // the vendor's own example names files of the Ansible machine: imported, with a warning
        mvc.perform(importYaml("vendor", resource("cluster.strict.yml")).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[?(@.code == 'CERTIFICATE_FILE')].message",
                        hasItem(containsString("/localpath/to/cert.crt"))));
    }

    @Test
    void everyProblemOfAnInvalidInventoryIsListedWithItsVariableOrHost() throws Exception {
        String yaml = resource("dedicated.strict.yml")
                .replace("    HMACSECRET: \"reemohmac\"\n", "    HMACSECRET: \"reemohmac\"\n    PORTAL_URL: \"x.tld\"\n")
                .replace("ansible_host: \"10.3.1.3\"", "ansible_host: \"10.3.1.300\"");
        mvc.perform(importYaml("bad", yaml).with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.code == 'SCOPE')].field").value("PORTAL_URL"))
                .andExpect(jsonPath("$.problems[?(@.code == 'SCOPE')].line").value(5))
                .andExpect(jsonPath("$.problems[?(@.code == 'ADDRESS')].host").value("api3"))
                .andExpect(jsonPath("$.problems[?(@.code == 'API_IP')].field", hasItem("API_IP")));
    }

    @Test
    void theInventoryMustBeSentAsYamlAndNotTooLarge() throws Exception {
        mvc.perform(post("/api/v1/environments/import").param("name", "x").contentType("application/json").content("{}").with(admin()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail", containsString("Content-Type: application/yaml")));
        mvc.perform(importYaml("x", "a".repeat(InventoryImporter.MAX_CODE_POINTS + 1)).with(admin()))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/api/v1/environments/import").contentType("application/yaml").content("all: {}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The parameter 'name' is required."));
    }

    @Test
    void anAliasBombIsRefusedAndTheConsoleStaysUp() throws Exception {
        StringBuilder bomb = new StringBuilder("all:\n  vars:\n    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String p = "*" + (char) (c - 1);
            bomb.append("    ").append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, p))).append("]\n");
        }
        mvc.perform(importYaml("bomb", bomb.toString()).with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("YAML_LIMIT"));
        mvc.perform(get("/api/v1/environments").with(admin())).andExpect(status().isOk());
    }

    @Test
    void theExportLeavesSecretsOutUnlessAnAdministratorAsksAndThatIsAudited() throws Exception {
        long id = imported("cluster.doc.yml");

        String plain = mvc.perform(get("/api/v1/environments/{id}/inventory", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString();
        assertThat(plain).contains("infra_manager:", "children:").doesNotContain(Fixtures.LICENSE, "registry-password");

        mvc.perform(get("/api/v1/environments/{id}/inventory", id).param("secrets", "true").with(viewer()))
                .andExpect(status().isForbidden());
        String full = mvc.perform(get("/api/v1/environments/{id}/inventory", id).param("secrets", "true").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(full).contains(Fixtures.LICENSE, "registry-password");
        assertThat(audit.latest(1)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("inventory.export-secrets"));
    }

    @Test
    void thePagesOfferTheInventoryAsAFile() throws Exception {
        long id = imported("single-server.strict.yml");
        mvc.perform(get("/environments/{id}/inventory.yml", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"prod-inventory.yml\""))
                .andExpect(content().string(containsString("infra_manager1")));
    }
}
