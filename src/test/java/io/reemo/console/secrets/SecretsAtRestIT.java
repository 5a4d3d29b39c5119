package io.reemo.console.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.SshAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Secrets go in through every door (inventory import, JSON create and update, error paths), with every log on
 * debug; then the raw bytes of the H2 file, the application's output and every answer are searched for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONSOLE_ADMIN_PASSWORD=" + SecretsAtRestIT.ADMIN_PASSWORD,
        "logging.level.io.reemo=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.jdbc=DEBUG", "logging.level.org.springframework.security=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIT {

    static final String ADMIN_PASSWORD = "admin-secrets-at-rest";
    private static final Path DATA_DIR = temporaryDirectory();

    private static final String LICENSE_MARKER = "license-marker-4b7e";
    private static final String LICENSE = Base64.getEncoder().encodeToString(
            ("{\n    \"customer\": \"" + LICENSE_MARKER + "\",\n    \"seats\": 5\n}\n").getBytes(StandardCharsets.UTF_8));
    private static final String REGISTRY = "reg-marker-5f2a91";
    private static final String HMAC = "hmac-marker-19be";
    private static final String DATABASE = "db-marker-8d41";
    private static final String SMTP = "smtp-marker-77c3";
    private static final String SSH_PASSWORD = "ssh-marker-2e6d";
    private static final String TOKEN = "token-marker-6a0c";
    private static final String KEY_LINE = "keymarker3c9fAAAAC3NzaC1lZDI1NTE5AAAAIBogus";
    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + KEY_LINE + "\n-----END OPENSSH PRIVATE KEY-----\n";
    private static final String BAD_SMTP = "smtp-bad-marker-90ad";
    private static final List<String> SECRETS = List.of(LICENSE, LICENSE_MARKER, REGISTRY, HMAC, DATABASE, SMTP, SSH_PASSWORD,
            TOKEN, KEY_LINE, BAD_SMTP);
    /** Not a secret: it must be found where the secrets are not, or the search proves nothing. */
    private static final String CONTROL = "control-marker-a1b2.example.org";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient db;
    @Autowired
    private Environments environments;
    @Autowired
    private JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> answers = new ArrayList<>();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("console.data-dir", DATA_DIR::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reemo-secrets-at-rest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String INVENTORY = """
            all:
              vars:
                API_LICENSE: "%s"
                REGISTRY_USERNAME: customer
                REGISTRY_PASSWORD: "%s"
                HMACSECRET: "%s"
                DB_HOST: 10.9.0.1
                DB_USER: reemo
                DB_USER_PASSWORD: "%s"
                DB_NAME: reemo
                DB_DIALECT: mysql
                EXIM_SMARTHOST: "smtp.domain.tld::587"
                EXIM_PASSWORD: "smtp.domain.tld:mailer:%s"
              children:
                infra_manager:
                  vars:
                    PORTAL_URL: "%s"
                    CUSTOM_API_TOKEN: "%s"
                  hosts:
                    infra1:
                      ansible_host: 10.0.0.1
                      ansible_password: "%s"
            """.formatted(LICENSE, REGISTRY, HMAC, DATABASE, SMTP, CONTROL, TOKEN, SSH_PASSWORD);

    @Test
    void noSecretReachesTheDatabaseFileTheLogOrAnExportWithoutSecrets(CapturedOutput output) throws Exception {
        long imported = json.readTree(call("POST", "/api/v1/environments/import?name=imported", "application/yaml", INVENTORY, 201))
                .get("id").asLong();
        String created = call("POST", "/api/v1/environments", "application/json", """
                {"name": "created", "vars": {"API_LICENSE": "%s", "PKI_MODE": "generated"},
                 "clusters": [{"group": "infra_manager", "vars": {"CRON_ENABLE": "false"}, "nodes": [{"name": "other1",
                   "address": "10.0.0.2", "auth": {"kind": "KEY", "privateKeyPem": %s}}]}]}
                """.formatted(LICENSE, json.writeValueAsString(PRIVATE_KEY)), 201);
        long createdId = json.readTree(created).get("id").asLong();

        String shown = call("GET", "/api/v1/environments/" + imported, null, null, 200);
        call("PUT", "/api/v1/environments/" + imported, "application/json", shown, 200);
        call("PUT", "/api/v1/environments/" + createdId, "application/json", call("GET", "/api/v1/environments/" + createdId, null, null, 200), 200);
        call("GET", "/api/v1/environments/" + imported + "/validation", null, null, 200);
        String export = call("GET", "/api/v1/environments/" + imported + "/inventory", null, null, 200);
        call("GET", "/api/v1/environments", null, null, 200);
        // error paths that carry secrets
        call("POST", "/api/v1/environments/import?name=broken", "application/yaml",
                INVENTORY.replace("REGISTRY_PASSWORD: \"" + REGISTRY + "\"", "REGISTRY_PASSWORD: \"" + REGISTRY), 422);
        call("POST", "/api/v1/environments/import?name=wrong", "application/yaml",
                INVENTORY.replace("smtp.domain.tld:mailer:" + SMTP, BAD_SMTP), 422);
        call("POST", "/api/v1/environments", "application/json", "{\"name\": \"x\", \"vars\": {\"HMACSECRET\": " + HMAC + "}}", 400);

        // the console does hold them, in clear once decrypted: the searches below are meaningful
        Environment stored = environments.get(imported);
        assertThat(stored.vars()).containsEntry("REGISTRY_PASSWORD", REGISTRY).containsEntry("API_LICENSE", LICENSE);
        assertThat(stored.node("infra1").orElseThrow().auth()).isEqualTo(SshAuth.password(SSH_PASSWORD));
        assertThat(environments.get(createdId).node("other1").orElseThrow().auth().privateKeyPem()).isEqualTo(PRIVATE_KEY);

        assertThat(export).contains(CONTROL);
        assertThat(export).as("export without secrets").doesNotContain(SECRETS);
        assertThat(answers).as("API answers").allSatisfy(answer -> assertThat(answer).doesNotContain(SECRETS));

        db.sql("CHECKPOINT SYNC").update();
        String database = databaseBytes();
        assertThat(database).as("H2 file").doesNotContain(SECRETS);
        assertThat(database).as("the H2 file holds the environments, encrypted").contains(CONTROL, "v1:k");

        assertThat(output.getAll()).as("the log was captured").contains("Completed 201");
        assertThat(output.getAll()).as("application log").doesNotContain(SECRETS);

        Path key = DATA_DIR.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    private String databaseBytes() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(DATA_DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).as("an H2 file exists").isNotEmpty();
        return all.toString();
    }

    private String call(String method, String path, String contentType, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (method.equals("PUT")) {
            request.header("If-Match", "*");   // this test is about secrets, not concurrent changes
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        answers.add(response.body());
        return response.body();
    }
}
