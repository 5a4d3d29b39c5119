package io.reemo.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class DataDirectoryPostProcessorTest {

    @TempDir
    Path parent;

    @Test
    void aDataDirectoryTheConsoleMakesIsItsUsersOnly() throws IOException {
        Path dir = parent.resolve("data");

        start(dir);

        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void anExistingDataDirectoryOfTheConsolesUserIsClosedToOthers() throws IOException {
        Path dir = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        start(dir);

        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    private static void start(Path dir) {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectoryPostProcessor.PROPERTY, dir.toString());
        new DataDirectoryPostProcessor(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
    }

    private static String mode(Path dir) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    }
}
