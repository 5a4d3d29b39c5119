package io.reemo.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.SshAuth;
import io.reemo.console.support.ConsoleApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvironmentControllerTest extends ConsoleApiTest {

    @Autowired
    private JsonMapper json;
    @Autowired
    private Environments environments;

    private static String singleJson(String name) {
        return """
                {"name": "%s",
                 "vars": {"API_LICENSE": "%s", "REGISTRY_USERNAME": "customer", "REGISTRY_PASSWORD": "registry-password-1"},
                 "clusters": [{"group": "infra_manager", "vars": {"PORTAL_URL": "url.domain.tld"},
                   "nodes": [{"name": "infra1", "address": "10.0.0.1",
                              "auth": {"kind": "PASSWORD", "password": "node-password-1"}}]}]}
                """.formatted(name, Fixtures.LICENSE);
    }

    private long create(String name) throws Exception {
        String body = mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(singleJson(name))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void createAnswers201WithTheEnvironmentItsIdAndItsWarningsButNoSecret() throws Exception {
        mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON).content(singleJson("prod")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/environments/")))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.topology").value("SINGLE"))
                .andExpect(jsonPath("$.vars.REGISTRY_PASSWORD.set").value(true))
                .andExpect(jsonPath("$.vars.API_LICENSE.jsonKeys", hasItem("licenseId")))
                .andExpect(jsonPath("$.clusters[0].nodes[0].auth.password.set").value(true))
                .andExpect(jsonPath("$.warnings[*].code", hasItem("TRAEFIK_SELF_SIGNED")))
                .andExpect(jsonPath("$", not(containsString("registry-password-1"))))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .doesNotContain("registry-password-1", "node-password-1", Fixtures.LICENSE));
    }

    @Test
    void anInvalidEnvironmentAnswers422WithEveryProblem() throws Exception {
        String body = singleJson("bad").replace("\"REGISTRY_USERNAME\"", "\"PORTAL_TYPE\": \"everyone\", \"REGISTRY_USERNAME\"");
        mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[?(@.code == 'SCOPE')].field").value("PORTAL_TYPE"))
                .andExpect(jsonPath("$.problems[?(@.code == 'SCOPE')].where").value("all.vars"))
                .andExpect(jsonPath("$.problems[?(@.code == 'TYPE')].severity").value("ERROR"))
                .andExpect(jsonPath("$.problems[0].message").isString());
        assertThat(environments.list()).isEmpty();
    }

    @Test
    void getShowsTheModelWithSecretsAsSet() throws Exception {
        long id = create("prod");
        mvc.perform(get("/api/v1/environments/{id}", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("prod"))
                .andExpect(jsonPath("$.vars.REGISTRY_USERNAME").value("customer"))
                .andExpect(jsonPath("$.vars.REGISTRY_PASSWORD.set").value(true))
                .andExpect(jsonPath("$.clusters[0].nodes[0].address").value("10.0.0.1"))
                .andExpect(jsonPath("$.clusters[0].nodes[0].sshPort").value(22));
    }

    @Test
    void updateKeepsTheSecretsItDoesNotSend() throws Exception {
        long id = create("prod");
        var shown = mvc.perform(get("/api/v1/environments/{id}", id).with(admin())).andExpect(header().string("ETag", "\"1\""))
                .andReturn().getResponse();
        JsonNode changed = json.readTree(shown.getContentAsString().replace("url.domain.tld", "portal.domain.tld")
                .replace("\"prod\"", "\"production\""));

        mvc.perform(put("/api/v1/environments/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", shown.getHeader("ETag")).content(json.writeValueAsString(changed)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.name").value("production"));

        Environment stored = environments.get(id);
        assertThat(stored.vars()).containsEntry("REGISTRY_PASSWORD", "registry-password-1").containsEntry("API_LICENSE", Fixtures.LICENSE);
        assertThat(stored.cluster(Cluster.INFRA).orElseThrow().vars()).containsEntry("PORTAL_URL", "portal.domain.tld");
        assertThat(stored.node("infra1").orElseThrow().auth()).isEqualTo(SshAuth.password("node-password-1"));
    }

    @Test
    void aChangeNeedsTheETagItWasMadeFromAndAStaleOneGets412NamingWhatChangedSince() throws Exception {
        long id = create("prod");
        String body = mvc.perform(get("/api/v1/environments/{id}", id).with(admin())).andReturn().getResponse().getContentAsString();
        String changed = body.replace("url.domain.tld", "mine.domain.tld");

        mvc.perform(put("/api/v1/environments/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.detail", containsString("needs If-Match")));
        mvc.perform(put("/api/v1/environments/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"").content(body.replace("url.domain.tld", "theirs.domain.tld")
                                .replace("registry-password-1", "x").replace("\"REGISTRY_PASSWORD\":{\"set\":true}",
                                        "\"REGISTRY_PASSWORD\":\"registry-password-2\"")))
                .andExpect(status().isOk());

        mvc.perform(put("/api/v1/environments/{id}", id).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "\"1\"").content(changed))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.changedSince[0].number").value(2))
                .andExpect(jsonPath("$.changedSince[0].user").value("admin"))
                .andExpect(jsonPath("$.changedSince[0].cause").value("API"))
                .andExpect(jsonPath("$.changedSince[0].changes[*].field", hasItem("/clusters/infra_manager/vars/PORTAL_URL")));
        assertThat(environments.get(id).cluster(Cluster.INFRA).orElseThrow().vars()).containsEntry("PORTAL_URL", "theirs.domain.tld");

        String revisions = mvc.perform(get("/api/v1/environments/{id}/revisions", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(2))
                .andExpect(jsonPath("$[1].number").value(1))
                .andExpect(jsonPath("$[0].changes[?(@.field == '/vars/REGISTRY_PASSWORD')].after").value("(secret, changed)"))
                .andReturn().getResponse().getContentAsString();
        assertThat(revisions).doesNotContain("registry-password-1", "registry-password-2", "node-password-1", Fixtures.LICENSE);
        mvc.perform(get("/api/v1/environments/{id}/revisions/1", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environment.clusters[0].vars.PORTAL_URL").value("url.domain.tld"))
                .andExpect(jsonPath("$.environment.vars.REGISTRY_PASSWORD.set").value(true));
        mvc.perform(get("/api/v1/environments/{id}/revisions/9", id).with(viewer())).andExpect(status().isNotFound());
    }

    @Test
    void listShowsEveryEnvironmentAndDeleteRemovesOne() throws Exception {
        long id = create("prod");
        mvc.perform(get("/api/v1/environments").with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("prod"))
                .andExpect(jsonPath("$[0].nodes").value(1))
                .andExpect(jsonPath("$[0].clusters[0]").value("infra_manager"));

        mvc.perform(delete("/api/v1/environments/{id}", id).with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/environments/{id}", id).with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("There is no environment with id " + id + "."));
    }

    @Test
    void anUploadedCertificateStaysWhileAnEnvironmentNamesItAndGoesWithIt() throws Exception {
        Path upload = Files.createDirectories(dataDir().resolve("wizard-certificates").resolve("9001")); // its draft is gone
        Map<String, Object> pair = Map.of("cert_file", Files.writeString(upload.resolve("infra_manager-traefik.crt"), "cert").toString(),
                "key_file", Files.writeString(upload.resolve("infra_manager-traefik.key"), "sealed key").toString());
        long naming = create("naming");
        Environment stored = environments.save(Fixtures.withAll(environments.get(naming), "TRAEFIK_SSL_CERTS", List.of(pair)),
                Edit.of(RevisionCause.API, "admin"));
        long other = environments.save(new Environment(null, "other", stored.topology(), Map.of(), List.of()),
                Edit.of(RevisionCause.API, "admin")).id();

        mvc.perform(delete("/api/v1/environments/{id}", other).with(admin())).andExpect(status().isNoContent());
        assertThat(upload).isDirectory();
        mvc.perform(delete("/api/v1/environments/{id}", naming).with(admin())).andExpect(status().isNoContent());
        assertThat(upload).doesNotExist();
    }

    @Test
    void theValidationEndpointListsEveryProblemAtOnce() throws Exception {
        long id = create("prod");
        mvc.perform(get("/api/v1/environments/{id}/validation", id).with(viewer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[*].code", hasItem("TRAEFIK_SELF_SIGNED")))
                .andExpect(jsonPath("$.problems[*].severity", not(hasItem("ERROR"))));
    }

    @Test
    void viewersLookButDoNotChange() throws Exception {
        mvc.perform(post("/api/v1/environments").with(viewer()).contentType(MediaType.APPLICATION_JSON).content(singleJson("x")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Not allowed: POST /api/v1/environments is for administrators only; ask an"
                        + " administrator for that role."));
        mvc.perform(get("/api/v1/environments")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDuplicateNameIsAConflict() throws Exception {
        create("prod");
        String other = singleJson("prod").replace("10.0.0.1", "10.0.0.2").replace("\"PORTAL_URL\"", "\"CRON_ENABLE\": \"false\", \"PORTAL_URL\"");
        mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON).content(other))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already exists")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"clusters\": [null]}", "{\"name\": \"x\", \"clusters\": [{\"nodes\": [{}, null]}]}",
            "{\"name\": \"x\", \"vars\": {\"API_IP\": \"x\", \"API_LICENSE\": [1]}}", "[]", "\"text\"", "",
            "{\"name\": \"x\", \"topology\": \"STAR\"}", "{\"name\": \"x\", \"clusters\": [{\"group\": \"api_manager\", "
            + "\"nodes\": [{\"name\": \"a\", \"sshPort\": \"ssh\"}]}]}"})
    void oddBodiesAreAnsweredWithAClearClientErrorNeverA500(String body) throws Exception {
        mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void brokenJsonIsA400ThatNeverEchoesTheBody() throws Exception {
        mvc.perform(post("/api/v1/environments").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\",\n \"vars\": {\"REGISTRY_PASSWORD\": leak-me-please}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 2")))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString()).doesNotContain("leak-me"));
        mvc.perform(get("/api/v1/environments/abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'id' must be a long."));
    }
}
