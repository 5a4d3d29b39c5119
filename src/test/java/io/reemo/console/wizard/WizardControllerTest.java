package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.ConsoleApiTest;
import io.reemo.console.catalogue.SwarmObject;
import io.reemo.console.deploy.desired.DesiredStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

class WizardControllerTest extends ConsoleApiTest {

    @Autowired
    private DesiredStates desiredStates;
    @Autowired
    private WizardDrafts drafts;

    private long newSetup(String name, String topology) throws Exception {
        String location = mvc.perform(post("/wizard").with(admin()).with(csrf()).param("name", name).param("topology", topology))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/wizard/*/nodes"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.split("/")[2]);
    }

    private String page(long id, String slug) throws Exception {
        return mvc.perform(get("/wizard/" + id + "/" + slug).with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void settingsInputsAreNamedAfterTheirVariablesAndShowTheirHelp() throws Exception {
        long id = newSetup("names", "CLUSTER");

        assertThat(page(id, "portals")).contains("name=\"PORTAL_URL\"", "name=\"PORTAL_TYPE\"", "name=\"HEALTHCHECK_ENABLE\"",
                "Host name the portal serves");
        assertThat(page(id, "registry")).contains("name=\"REGISTRY_URL\"", "name=\"REGISTRY_USERNAME\"",
                "name=\"REGISTRY_PASSWORD\"", "name=\"REGISTRY_IMAGE_MODE\"", "name=\"DOCKER_VERSION_API\"");
    }

    @Test
    void secretsAreNeverRenderedBackAndAnEmptyInputKeepsThem() throws Exception {
        long id = newSetup("secrets", "SINGLE");
        mvc.perform(post("/wizard/" + id + "/registry").with(admin()).with(csrf())
                        .param("REGISTRY_USERNAME", "customer").param("REGISTRY_PASSWORD", "registry-secret-77").param("go", "stay"))
                .andExpect(status().is3xxRedirection());

        String shown = page(id, "registry");
        assertThat(shown).doesNotContain("registry-secret-77").contains("set — leave empty to keep").contains("value=\"customer\"");

        mvc.perform(post("/wizard/" + id + "/registry").with(admin()).with(csrf())
                .param("REGISTRY_USERNAME", "customer").param("REGISTRY_PASSWORD", "").param("go", "stay"));
        assertThat(page(id, "registry")).contains("set — leave empty to keep");
        assertThat(page(id, "review")).doesNotContain("registry-secret-77");
    }

    @Test
    void aBadValueIsReportedBesideItsField() throws Exception {
        long id = newSetup("errors", "SINGLE");

        String findings = mvc.perform(post("/wizard/" + id + "/portals/check/PORTAL_TYPE").with(admin()).with(csrf())
                        .param("PORTAL_TYPE", "everyone"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(findings).contains("id=\"f-PORTAL_TYPE-findings\"").contains("field-error");

        assertThat(page(id, "portals")).containsPattern("(?s)id=\"f-PORTAL_TYPE-box\".*?field-error");
    }

    @Test
    void aDraftIsKeptAndOfferedOnTheHomePage() throws Exception {
        long id = newSetup("resumable", "CLUSTER");
        mvc.perform(post("/wizard/" + id + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "portal.example.test")
                .param("go", "next")).andExpect(redirectedUrlPattern("/wizard/*/certificates"));

        String drafts = mvc.perform(get("/wizard/drafts").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(drafts).contains("resumable").contains("Resume setup").contains("/wizard/" + id + "/certificates")
                .contains("last on Certificates");
        assertThat(page(id, "portals")).contains("value=\"portal.example.test\"");
    }

    @Test
    void resumeGoesBackToTheLastPageShown() throws Exception {
        long id = newSetup("last-page", "SINGLE");
        page(id, "database");

        String drafts = mvc.perform(get("/wizard/drafts").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(drafts).contains("href=\"/wizard/" + id + "/database\"").doesNotContain("/wizard/" + id + "/nodes");
    }

    @Test
    void aDefaultThatRefersToAnotherVariableIsSaidInWordsWithItsValue() throws Exception {
        long id = newSetup("facilities", "SINGLE");

        assertThat(page(id, "options")).doesNotContain("{{SYSLOG_FACILITY}}").contains("(default: same as SYSLOG_FACILITY (daemon))");
        mvc.perform(post("/wizard/" + id + "/options").with(admin()).with(csrf()).param("SYSLOG_FACILITY", "local3").param("go", "stay"));
        assertThat(page(id, "options")).contains("(default: same as SYSLOG_FACILITY (local3))");
    }

    @Test
    void theReviewOfAnIncompleteSetupPromisesThePlanOnceItIsFixed() throws Exception {
        long id = newSetup("plan", "CLUSTER");

        assertThat(page(id, "review")).contains("The plan").contains("hx-get=\"/wizard/" + id + "/plan\"").contains("id=\"install\"")
                .doesNotContain("id=\"apply\"");
        assertThat(page(id, "plan")).contains("The plan appears once the problems marked");
    }

    @Test
    void aNodeIsAddedWithItsKeyFileAndItsProblemsShowOnTheReview() throws Exception {
        long id = newSetup("nodes", "SINGLE");
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("name", "infra1").param("address", "10.0.0.9")
                .param("port", "22").param("user", "root").param("authKind", "KEY_FILE").param("privateKeyFile", "/tmp/id"))
                .andExpect(status().is3xxRedirection());

        assertThat(page(id, "nodes")).contains("infra1").contains("10.0.0.9:22").contains("Test connection");
        assertThat(page(id, "review")).contains("API_LICENSE").contains("to fix").contains("disabled");
    }

    @Test
    void theLicenseIsSummarisedByItsFieldsNeverShown() throws Exception {
        long id = newSetup("license", "SINGLE");
        mvc.perform(post("/wizard/" + id + "/license").with(admin()).with(csrf()).param("API_LICENSE", BedInventories.LICENSE)
                .param("go", "stay"));

        String shown = page(id, "license");
        assertThat(shown).contains("License read").contains("customer, seats").doesNotContain(BedInventories.LICENSE)
                .doesNotContain("test bed");
    }

    @Test
    void anUploadedCertificateIsCheckedAtOnceAndBecomesTheClustersCertificate() throws Exception {
        long id = newSetup("certificates", "SINGLE");
        IssuedCertificate good = portalCertificate(id);
        IssuedCertificate wrongName = CertificateAuthority.generate("Test CA").issue("other.example.test", List.of("other.example.test"), List.of());

        upload(id, wrongName).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("certificateFindings").toString()).contains("portal.example.test"));
        assertThat(page(id, "certificates")).doesNotContain("infra_manager-traefik.crt");

        upload(id, good).andExpect(status().is3xxRedirection());
        assertThat(page(id, "certificates")).contains("infra_manager-traefik.crt").contains("<option value=\"uploaded\" selected");
    }

    @Test
    void anUploadedKeyIsNeverOnDiskInClearAndReachesItsSwarmSecretAsUploaded() throws Exception {
        long id = newSetup("sealed-key", "SINGLE");
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("group", "infra_manager").param("name", "infra1")
                .param("address", "10.9.1.1").param("authKind", "PASSWORD").param("password", "node-password-9"));
        IssuedCertificate uploaded = portalCertificate(id);
        upload(id, uploaded).andExpect(status().is3xxRedirection());

        assertThat(filesContaining(dataDir(), "PRIVATE KEY")).isEmpty();
        SwarmObject key = desiredStates.forPlan(drafts.require(id).environment()).clusters().stream()
                .flatMap(cluster -> cluster.objects().stream()).filter(object -> object.baseName().equals("traefik_cert0_key"))
                .findFirst().orElseThrow();
        assertThat(new String(key.data(), StandardCharsets.UTF_8)).isEqualTo(uploaded.privateKeyPem());
    }

    @Test
    void discardingADraftRemovesItsUploadedCertificate() throws Exception {
        long id = newSetup("discarded-upload", "SINGLE");
        upload(id, portalCertificate(id)).andExpect(status().is3xxRedirection());
        Path uploads = dataDir().resolve("wizard-certificates").resolve(String.valueOf(id));
        assertThat(uploads).isDirectory();

        mvc.perform(post("/wizard/" + id + "/delete").with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(uploads).doesNotExist();
    }

    /** Sets PORTAL_URL and answers a certificate for it. */
    private IssuedCertificate portalCertificate(long id) throws Exception {
        mvc.perform(post("/wizard/" + id + "/portals").with(admin()).with(csrf()).param("PORTAL_URL", "portal.example.test").param("go", "stay"));
        return CertificateAuthority.generate("Test CA").issue("portal.example.test", List.of("portal.example.test"), List.of());
    }

    private ResultActions upload(long id, IssuedCertificate pair) throws Exception {
        return mvc.perform(multipart("/wizard/" + id + "/certificates/upload").file(pem("certificate", pair.chainPem()))
                .file(pem("key", pair.privateKeyPem())).param("group", "infra_manager").with(admin()).with(csrf()));
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] content = Files.readAllBytes(file);
            return IntStream.rangeClosed(0, content.length - needle.length)
                    .anyMatch(i -> Arrays.equals(content, i, i + needle.length, needle, 0, needle.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRegistryThatCannotBeReachedIsSaidInWords() throws Exception {
        long id = newSetup("registry", "SINGLE");
        String result = mvc.perform(post("/wizard/" + id + "/registry/test").with(admin()).with(csrf())
                        .param("REGISTRY_URL", "127.0.0.1:1").param("REGISTRY_USERNAME", "u").param("REGISTRY_PASSWORD", "p"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(result).contains("alert error").contains("127.0.0.1");

        String tags = mvc.perform(get("/wizard/" + id + "/registry/tags").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tags).contains("id=\"version-tags\"").contains("could not be read with the saved settings").contains("127.0.0.1");
        assertThat(page(id, "registry")).contains("list=\"tags-DOCKER_VERSION_API\"").contains("hx-get=\"/wizard/" + id + "/registry/tags\"");
    }

    private static MockMultipartFile pem(String name, String content) {
        return new MockMultipartFile(name, name + ".pem", "application/x-pem-file", content.getBytes());
    }

    @Test
    void aDedicatedPlatformGetsOneBlockPerPortalClusterAndApiIpFromTheApiNodes() throws Exception {
        long id = newSetup("dedicated", "DEDICATED");
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("group", "api_manager").param("name", "api1")
                .param("address", "10.3.1.1").param("authKind", "PASSWORD").param("password", "node-password-5"));

        assertThat(page(id, "portals")).contains("name=\"portaluser_manager.PORTAL_URL\"", "name=\"portaladmin_manager.PORTAL_URL\"")
                .doesNotContain("name=\"PORTAL_URL\"", "name=\"api_manager.PORTAL_URL\"");
        mvc.perform(post("/wizard/" + id + "/portals").with(admin()).with(csrf()).param("portaluser_manager.PORTAL_TYPE", "user")
                .param("portaladmin_manager.PORTAL_TYPE", "admin").param("go", "stay"));
        assertThat(page(id, "review")).contains("API_IP").contains("10.3.1.1").contains("PORTAL_TYPE: user")
                .doesNotContain("node-password-5");
    }

    @Test
    void enteringAKnownNodeNameAgainChangesItsLoginAndKeepsItsPinForTheSameServer() throws Exception {
        long id = newSetup("update-node", "SINGLE");
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("name", "infra1").param("address", "10.0.0.9")
                .param("authKind", "KEY_FILE").param("privateKeyFile", "/tmp/first"));
        mvc.perform(post("/wizard/" + id + "/nodes/infra1/pin").with(admin()).with(csrf())
                .param("sha256", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        mvc.perform(post("/wizard/" + id + "/nodes").with(admin()).with(csrf()).param("name", "infra1").param("address", "10.0.0.9")
                .param("authKind", "KEY_FILE").param("privateKeyFile", "/tmp/second"));

        assertThat(page(id, "nodes")).contains("/tmp/second").doesNotContain("/tmp/first").contains("pinned");
    }
}
