package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import io.reemo.console.support.ConsoleApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The image archive upload of the Registry page, as htmx sends it (the file as the PUT's body) with a limit of 64 KB:
 * what the page shows afterwards, what is kept where, and what is refused before anything is kept.
 */
@TestPropertySource(properties = "console.files.max-archive-size=64KB")
class ImageArchiveUploadTest extends ConsoleApiTest {

    @Autowired
    private WizardDrafts drafts;

    @Test
    void anArchiveIsKeptUnderItsSha256AndBecomesTheArchiveOfTheDraft() throws Exception {
        long id = newSetup("offline");
        byte[] archive = tar(4096, 1);

        MockHttpServletResponse answer = upload(id, archive, admin());

        String sha256 = sha256(archive);
        Path kept = archives().resolve(sha256 + ".tar");
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("Uploaded <strong id=\"archive-name\">reemo images.tar</strong>",
                "4096 bytes", sha256, "value=\"" + kept + "\"");
        assertThat(kept).hasBinaryContent(archive);
        assertThat(drafts.require(id).environment().vars()).containsEntry("REGISTRY_IMAGE_ARCHIVE", kept.toString());
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'wizard.image-archive-upload'").query(String.class).list())
                .anySatisfy(detail -> assertThat(detail).contains("reemo images.tar", "4096 bytes", sha256));
        assertThat(page(id)).contains("id=\"archive-sha256\">" + sha256, "id=\"archive-upload-button\"");

        // another archive replaces it; the first, named by nothing any more, goes
        byte[] other = tar(2048, 2);
        assertThat(upload(id, other, admin()).getStatus()).isEqualTo(200);
        assertThat(kept).doesNotExist();
        assertThat(archives().resolve(sha256(other) + ".tar")).exists();
    }

    @Test
    void aFileThatIsNoArchiveIsRefusedAndNothingIsKept() throws Exception {
        long id = newSetup("not-an-archive");
        List<Path> before = files();

        MockHttpServletResponse answer = upload(id, "PK\u0003\u0004 a zip file".getBytes(StandardCharsets.US_ASCII), admin());

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString()).contains("The file is not an image archive (a tar as docker save writes,"
                + " or one compressed with gzip, bzip2 or xz): choose the file docker save wrote.");
        assertThat(files()).isEqualTo(before);
        assertThat(drafts.require(id).environment().vars()).doesNotContainKey("REGISTRY_IMAGE_ARCHIVE");
    }

    @Test
    void anArchiveOverTheLimitIsRefusedAndItsPartIsDeleted() throws Exception {
        long id = newSetup("too-large");
        List<Path> before = files();

        MockHttpServletResponse answer = upload(id, tar(65 * 1024, 3), admin());

        assertThat(answer.getStatus()).isEqualTo(413);
        assertThat(answer.getContentAsString()).contains("The archive is larger than the 64 KB the console takes"
                + " (console.files.max-archive-size)");
        assertThat(files()).as("no part file left").isEqualTo(before);
        assertThat(drafts.require(id).environment().vars()).doesNotContainKey("REGISTRY_IMAGE_ARCHIVE");
    }

    @Test
    void viewersAndOperatorsAreRefusedBeforeAnythingIsKept() throws Exception {
        long id = newSetup("roles");
        List<Path> before = files();

        for (RequestPostProcessor user : List.of(viewer(), operator())) {
            assertThat(upload(id, tar(4096, 4), user).getStatus()).isEqualTo(403);
        }

        assertThat(files()).isEqualTo(before);
        assertThat(drafts.require(id).environment().vars()).doesNotContainKey("REGISTRY_IMAGE_ARCHIVE");
    }

    @Test
    void aTypedPathStaysPossibleBesideTheUpload() throws Exception {
        long id = newSetup("typed");
        mvc.perform(post("/wizard/" + id + "/registry").with(admin()).with(csrf()).param("REGISTRY_IMAGE_MODE", "offline")
                .param("REGISTRY_IMAGE_ARCHIVE", "/srv/images/reemo.tar").param("go", "stay"));

        assertThat(drafts.require(id).environment().vars()).containsEntry("REGISTRY_IMAGE_ARCHIVE", "/srv/images/reemo.tar");
        assertThat(page(id)).contains("value=\"/srv/images/reemo.tar\"", "id=\"archive-upload-button\"")
                .doesNotContain("id=\"archive-kept\"");
    }

    private MockHttpServletResponse upload(long id, byte[] body, RequestPostProcessor user) throws Exception {
        return mvc.perform(put("/wizard/" + id + "/registry/archive").with(user).with(csrf())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).header("X-Archive-Name", "reemo%20images.tar").content(body))
                .andReturn().getResponse();
    }

    private long newSetup(String name) throws Exception {
        String location = mvc.perform(post("/wizard").with(admin()).with(csrf()).param("name", name).param("topology", "SINGLE"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.split("/")[2]);
    }

    private String page(long id) throws Exception {
        return mvc.perform(get("/wizard/" + id + "/registry").with(admin())).andReturn().getResponse().getContentAsString();
    }

    /** A tar as docker save starts one ("ustar" at 257), of {@code size} bytes; {@code seed} makes its bytes its own. */
    private static byte[] tar(int size, int seed) {
        byte[] bytes = new byte[size];
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, bytes, 257, 5);
        bytes[size - 1] = (byte) seed;
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Path archives() {
        return dataDir().resolve("files").resolve("archives");
    }

    private static List<Path> files() throws IOException {
        if (!Files.isDirectory(archives())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives())) {
            return files.sorted().toList();
        }
    }
}
