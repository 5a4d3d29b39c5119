package io.reemo.console.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.Node;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the test bed: an inventory of its three nodes (connection variables in all.vars, as operators often write
 * them) goes through the console, its host keys are pinned, and Ansible reaches every node with the export.
 */
class TestBedInventoryIT extends ConsoleApiTest {

    @TempDir
    Path work;
    @Autowired
    private JsonMapper json;

    private static String inventory(TestBed bed) {
        StringBuilder yaml = new StringBuilder("""
                all:
                  vars:
                    API_LICENSE: "%s"
                    REGISTRY_URL: "%s"
                    REGISTRY_ENV: "%s"
                    REGISTRY_USERNAME: "%s"
                    REGISTRY_PASSWORD: "%s"
                    ansible_user: root
                    ansible_ssh_private_key_file: "%s"
                  children:
                    infra_manager:
                      vars:
                        PORTAL_URL: portal.testbed.internal
                      hosts:
                """.formatted(Fixtures.LICENSE, bed.registryUrl(), bed.registryEnv(), bed.registryUser(),
                bed.registryPassword(), bed.privateKey()));
        for (Node node : bed.nodes()) {
            yaml.append("        ").append(node.name()).append(":\n          ansible_host: ").append(node.address())
                    .append("\n          ansible_port: ").append(node.sshPort()).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void theBedsInventoryImportsItsKeysArePinnedAndAnsibleReachesEveryNodeWithTheExport() throws Exception {
        TestBed bed = TestBed.get();
        int nodes = bed.nodes().size();
        String created = mvc.perform(post("/api/v1/environments/import").param("name", "testbed").contentType("application/yaml")
                        .content(inventory(bed)).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.topology").value(nodes > 1 ? "CLUSTER" : "SINGLE"))
                .andExpect(jsonPath("$.clusters[0].nodes[0].auth.kind").value("KEY_FILE"))
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        for (Node node : bed.nodes()) {
            String pin = node.hostKeySha256();
            mvc.perform(put("/api/v1/environments/{id}/nodes/{name}/host-key", id, node.name()).with(admin())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"sha256\": \"" + pin + "\"}"))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/environments/{id}/nodes/{name}/host-key", id, node.name()).with(admin()))
                    .andExpect(jsonPath("$.sha256").value(pin));
        }

        String export = mvc.perform(get("/api/v1/environments/{id}/inventory", id).param("secrets", "true").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode ping = ansiblePing(export, bed.knownHosts().toString());
        assertThat(ping.get("stats").size()).isEqualTo(nodes);
        ping.get("stats").forEach(stats -> {
            assertThat(stats.get("ok").asInt()).isEqualTo(1);
            assertThat(stats.get("unreachable").asInt()).isZero();
            assertThat(stats.get("failures").asInt()).isZero();
        });
    }

    /** {@code ansible all -m ping} with the bed's known hosts and strict checking; the JSON callback reports per host. */
    private JsonNode ansiblePing(String inventory, String knownHosts) throws IOException, InterruptedException {
        Path file = work.resolve("inventory.yml");
        Files.writeString(file, inventory);
        ProcessBuilder builder = new ProcessBuilder("ansible", "-i", file.toString(), "all", "-m", "ping")
                .redirectError(work.resolve("ansible.err").toFile());
        builder.environment().put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
        builder.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
        builder.environment().put("ANSIBLE_STDOUT_CALLBACK", "json");
        builder.environment().put("ANSIBLE_PIPELINING", "True");
        builder.environment().put("ANSIBLE_LOAD_CALLBACK_PLUGINS", "1");
        builder.environment().put("ANSIBLE_SSH_ARGS", "-o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ansible finished").isTrue();
        assertThat(process.exitValue()).as(out + Files.readString(work.resolve("ansible.err"))).isZero();
        return json.readTree(out);
    }
}
