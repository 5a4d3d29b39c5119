package io.reemo.console.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes registry clients that trust the private registry CA the console is configured with
 * ({@code console.registry.ca-file}: a PEM file on the console's machine), unless a caller brings its own.
 */
@Component
public class RegistryClients {

    private final String caFile;

    public RegistryClients(@Value("${console.registry.ca-file:}") String caFile) {
        this.caFile = caFile;
    }

    /**
     * @param caCertificatePem a CA to trust instead of the configured one (the wizard's upload), or blank
     * @throws IllegalArgumentException when the configured CA file cannot be read (said in words)
     */
    public RegistryClient open(String registry, String username, String password, String caCertificatePem) {
        String ca = caCertificatePem == null || caCertificatePem.isBlank() ? configuredCa() : caCertificatePem;
        return new RegistryClient(registry, username, password, ca);
    }

    private String configuredCa() {
        if (caFile.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(caFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("The registry CA file " + caFile + " (console.registry.ca-file) cannot be "
                    + "read on the console's machine: " + e.getMessage());
        }
    }
}
