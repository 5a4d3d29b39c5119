package io.reemo.console.environment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LocalFilesConfiguration {

    /** Where the operator puts key files and image archives that paths name, in the data folder. */
    static final String FILES = "files";
    /** Where the wizard keeps the Traefik certificates it was given (the wizard's UploadedCertificates). */
    static final String UPLOADS = "wizard-certificates";

    /**
     * Two folders of the data folder, never the rest of it: its master key, database and TLS key are no file a path may
     * name.
     *
     * @param allowedDirs folders besides those, named by whoever runs the console (never from a page): e.g. where the
     *                    machine keeps the SSH keys an imported inventory names
     */
    @Bean
    LocalFiles localFiles(@Value("${console.data-dir}") Path dataDir, @Value("${console.files.allowed-dirs:}") String[] allowedDirs) {
        Path data = dataDir.toAbsolutePath().normalize();
        List<Path> roots = new ArrayList<>(List.of(data.resolve(FILES), data.resolve(UPLOADS)));
        Arrays.stream(allowedDirs).map(String::strip).filter(dir -> !dir.isEmpty()).map(Path::of).forEach(roots::add);
        return new LocalFiles(roots);
    }
}
