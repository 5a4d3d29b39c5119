package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.deploy.steps.ImagePull;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.job.JobRequest;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.Step;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.Browser;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Image mode offline on the bed, which no other test runs: an archive made with docker save (of the API image the bed's
 * registry holds, pulled on node1 and removed from it again) is uploaded in Chromium on the Registry page of the
 * environment's Settings, and the console's images step, run on every node of the environment, loads it into each
 * node's Docker from the path the upload set. No install: the step alone, with no image on the nodes beforehand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "CONSOLE_ADMIN_PASSWORD=" + OfflineImageArchiveIT.PASSWORD)
class OfflineImageArchiveIT {

    static final String PASSWORD = "offline-archive-it";
    private static final TestBed bed = TestBed.get();
    private static final String IMAGE = bed.registryUrl() + "/" + bed.registryEnv() + "api:2.13.10";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("console.data-dir", Files.createTempDirectory("offline-archive-it")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    NodeSessions sessions;
    @Autowired
    WizardDrafts drafts;
    @Autowired
    ImagePull images;
    @Autowired
    DesiredStates desiredStates;
    @Autowired
    Jobs jobs;

    @Test
    void anArchiveUploadedInTheBrowserIsLoadedIntoEveryNodesDocker() throws Exception {
        Path archive = Files.createTempFile("api-image-", ".tar");
        try (NodeSession session = sessions.open(bed.node("node1"))) {
            DockerClient docker = session.docker();
            docker.pullImageCmd(IMAGE).withAuthConfig(new AuthConfig().withRegistryAddress(bed.registryUrl())
                    .withUsername(bed.registryUser()).withPassword(bed.registryPassword()))
                    .exec(new PullImageResultCallback()).awaitCompletion(2, TimeUnit.MINUTES);
            try (InputStream saved = docker.saveImageCmd(IMAGE).exec()) {
                Files.copy(saved, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        removeImageFromTheNodes();
        ConsoleClient api = new ConsoleClient(port, "admin", PASSWORD);
        String inventory = BedInventories.simpleCluster(bed, "offline.bed.test")
                .replaceFirst("  vars:\n", "  vars:\n    REGISTRY_IMAGE_MODE: \"offline\"\n");
        long environmentId = api.importAndPin("offline-archive", inventory, bed);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.login("admin", PASSWORD);
            browser.open("/environments/" + environmentId + "/settings");
            browser.driver().findElement(By.id("edit-settings")).click();
            long draftId = drafts.editing(environmentId).orElseThrow().id();
            browser.open("/wizard/" + draftId + "/registry");
            browser.driver().findElement(By.id("archive-file")).sendKeys(archive.toString());
            browser.driver().findElement(By.id("archive-upload-button")).click();
            browser.waitUpTo(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("archive-sha256")));
            browser.screenshot("offline-archive-01-uploaded");

            assertThat(browser.driver().findElement(By.id("archive-sha256")).getText()).isEqualTo(sha256(archive));
            assertThat(browser.driver().findElement(By.id("archive-name")).getText()).isEqualTo(archive.getFileName().toString());
            assertThat(browser.driver().findElement(By.id("archive-size")).getText()).contains(Files.size(archive) + " bytes");
        }

        Environment uploaded = drafts.editing(environmentId).orElseThrow().environment();
        assertThat(uploaded.vars().get("REGISTRY_IMAGE_ARCHIVE").toString()).endsWith("/files/archives/" + sha256(archive) + ".tar");
        Step step = images.step(uploaded, () -> uploaded, () -> desiredStates.forPlan(uploaded), service -> service.image().equals(IMAGE));
        long jobId = jobs.start(new JobRequest("images", environmentId, "admin", Map.of(), false, List.of(step))).id();
        JsonNode job = api.awaitEnd(jobId, Duration.ofMinutes(2));
        String log = api.log(job);
        assertThat(job.get("status").asString()).as(log).isEqualTo("succeeded");
        assertThat(log).contains("load " + uploaded.vars().get("REGISTRY_IMAGE_ARCHIVE")).doesNotContain("pull " + IMAGE);

        for (Node node : bed.nodes()) {
            try (NodeSession session = sessions.open(node)) {
                assertThat(session.docker().inspectImageCmd(IMAGE).exec().getRepoTags()).as(node.name()).contains(IMAGE);
            }
        }
    }

    /** The bed's nodes hold no image between tests. */
    @AfterEach
    void removeImageFromTheNodes() {
        for (Node node : bed.nodes()) {
            try (NodeSession session = sessions.open(node)) {
                session.docker().removeImageCmd(IMAGE).withForce(true).exec();
            } catch (NotFoundException absent) {
                // nothing to remove
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
