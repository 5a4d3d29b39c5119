package io.reemo.console.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code console.data-dir} absolute and creates it before anything opens it: H2 refuses
 * paths that are implicitly relative, and operators naturally write {@code CONSOLE_DATA_DIR=data}.
 * The directory is for the console's user only ({@link OwnerOnlyDirectory}).
 */
public class DataDirectoryPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "console.data-dir";

    private final Log log;

    /** Logging starts after the post-processors: Boot replays what is logged here then. */
    public DataDirectoryPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectoryPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            OwnerOnlyDirectory.ensure(dir, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the console's data directory " + dir
                    + ": set CONSOLE_DATA_DIR to a writable directory", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("consoleDataDir", Map.of(PROPERTY, dir.toString())));
    }
}
