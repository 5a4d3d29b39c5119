package io.reemo.console.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** M1 of the security review: a path typed in a form reads only regular files of the allowed folders, of sane size. */
class LocalFilesTest {

    @TempDir
    Path machine;
    private Path allowed;
    private LocalFiles files;

    @BeforeEach
    void folders() throws IOException {
        allowed = Files.createDirectories(machine.resolve("data/files"));
        Files.writeString(machine.resolve("data/master.key"), "the keyring");
        files = new LocalFiles(List.of(allowed));
    }

    @Test
    void aFileOfAnAllowedFolderIsRead() throws IOException {
        Path key = Files.writeString(allowed.resolve("node.key"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(files.refusal(key.toString())).isEmpty();
        assertThat(files.readText(key.toString())).startsWith("-----BEGIN");
    }

    @Test
    void aPathOutsideTheFoldersIsRefusedWhereverItLeads() throws IOException {
        String masterKey = machine.resolve("data/master.key").toString();
        assertThat(files.refusal(masterKey)).get().satisfies(refusal -> {
            assertThat(refusal.missing()).isFalse();
            assertThat(refusal.message()).contains("is outside the folders the console reads files from (" + allowed.toRealPath() + ")")
                    .contains("console.files.allowed-dirs");
        });
        assertThat(files.refusal(allowed + "/../master.key")).get().extracting(LocalFiles.Refusal::missing).isEqualTo(false);
        Files.createSymbolicLink(allowed.resolve("innocent.pem"), Path.of(masterKey));
        assertThat(files.refusal(allowed.resolve("innocent.pem").toString())).get()
                .satisfies(refusal -> assertThat(refusal.message()).contains("a link to"));
        assertThatThrownBy(() -> files.readText(allowed.resolve("innocent.pem").toString())).isInstanceOf(IOException.class);
        assertThat(files.refusal("relative/key")).get().satisfies(refusal -> assertThat(refusal.message()).contains("not an absolute path"));
        assertThat(new LocalFiles(List.of()).refusal("/etc/hostname")).isPresent();
    }

    @Test
    void aFileThatIsNotThereYetIsMissingRatherThanRefused() throws IOException {
        assertThat(files.refusal(allowed.resolve("later.pem").toString())).get().satisfies(refusal -> {
            assertThat(refusal.missing()).isTrue();
            assertThat(refusal.message()).endsWith("is not on the console's machine");
        });
        // as an imported inventory names the files of the Ansible machine
        assertThat(files.refusal("/localpath/to/cert.crt")).get().satisfies(refusal -> {
            assertThat(refusal.missing()).isTrue();
            assertThat(refusal.message()).contains("the console reads such files only from " + allowed.toRealPath());
        });
    }

    @Test
    void devicesFifosAndDirectoriesAreNoFilesToRead() throws Exception {
        LocalFiles dev = new LocalFiles(List.of(Path.of("/dev")));
        assertThat(dev.refusal("/dev/zero")).get().satisfies(refusal -> assertThat(refusal.message()).isEqualTo("/dev/zero is not a regular file"));
        assertThatThrownBy(() -> dev.readText("/dev/zero")).hasMessage("/dev/zero is not a regular file");
        Path fifo = allowed.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(files.refusal(fifo.toString())).get().satisfies(refusal -> assertThat(refusal.message()).endsWith("is not a regular file"));
        assertThat(files.refusal(allowed.toString())).get().satisfies(refusal -> assertThat(refusal.message()).endsWith("is not a regular file"));
    }

    @Test
    void aTextLargerThanAnyCertificateIsNotRead() throws IOException {
        Path big = Files.write(allowed.resolve("big.pem"), new byte[(int) LocalFiles.TEXT_LIMIT + 1]);
        assertThatThrownBy(() -> files.readText(big.toString())).hasMessageContaining("is larger than 1024 KiB");
    }

    @Test
    void anImageArchiveMustStartLikeOne() throws IOException {
        Path tar = allowed.resolve("images.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            byte[] manifest = "[]".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("manifest.json");
            entry.setSize(manifest.length);
            out.putArchiveEntry(entry);
            out.write(manifest);
            out.closeArchiveEntry();
        }
        assertThat(files.archive(tar.toString())).isEqualTo(tar.toRealPath());
        Path gzip = allowed.resolve("images.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(tar));
        }
        assertThat(files.archive(gzip.toString())).isEqualTo(gzip.toRealPath());
        Path text = Files.writeString(allowed.resolve("notes.txt"), "not an archive at all");
        assertThatThrownBy(() -> files.archive(text.toString())).hasMessageContaining("is not an image archive");
    }
}
