package io.reemo.console.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code console.data-dir} absolute and creates it before anything opens it: H2 refuses
 * paths that are implicitly relative, and operators naturally write {@code CONSOLE_DATA_DIR=data}.
 */
public class DataDirectoryPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "console.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the console's data directory " + dir
                    + ": set CONSOLE_DATA_DIR to a writable directory", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("consoleDataDir", Map.of(PROPERTY, dir.toString())));
    }
}
