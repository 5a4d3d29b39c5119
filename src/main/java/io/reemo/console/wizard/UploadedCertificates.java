package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentDeleted;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.FileSystemUtils;

/**
 * The Traefik certificates uploaded in the wizard, one directory per draft under {@code <data-dir>/wizard-certificates}.
 * The certificate is kept as it came; the private key is sealed by the {@link SecretBox}, so it is never on disk in
 * clear (the deploy opens it). A directory goes as soon as neither its draft nor any environment or draft names it.
 */
@Component
class UploadedCertificates {

    private static final Logger log = LoggerFactory.getLogger(UploadedCertificates.class);
    private static final String VARIABLE = "TRAEFIK_SSL_CERTS";

    private final Path directory;
    private final SecretBox box;
    private final WizardDrafts drafts;
    private final Environments environments;
    private final VariableCatalogue catalogue;

    UploadedCertificates(@Value("${console.data-dir}") Path dataDir, SecretBox box, WizardDrafts drafts,
                         Environments environments, VariableCatalogue catalogue) {
        this.directory = dataDir.toAbsolutePath().normalize().resolve("wizard-certificates");
        this.box = box;
        this.drafts = drafts;
        this.environments = environments;
        this.catalogue = catalogue;
    }

    /** Keeps a checked pair for a draft's cluster; the answer is the {@code TRAEFIK_SSL_CERTS} item naming its files. */
    Map<String, Object> store(long draftId, String group, String certificatePem, String keyPem) {
        Path certificateFile = write(draftId, group + "-traefik.crt", certificatePem);
        Path keyFile = write(draftId, group + "-traefik.key", box.encrypt(keyPem));
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("cert_file", certificateFile.toString());
        pair.put("key_file", keyFile.toString());
        return pair;
    }

    /** Deletes the directories of drafts that are gone, unless a stored environment or another draft still names them. */
    void removeUnused() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Draft> all = drafts.all();
        Set<String> kept = new HashSet<>();
        all.forEach(draft -> kept.add(String.valueOf(draft.id())));
        Stream.concat(all.stream().map(Draft::environment), environments.list().stream())
                .flatMap(this::namedFiles)
                .map(file -> Path.of(file).toAbsolutePath().normalize())
                .filter(file -> file.startsWith(directory) && file.getNameCount() > directory.getNameCount())
                .forEach(file -> kept.add(file.getName(directory.getNameCount()).toString()));
        for (Path dir : children(directory)) {
            if (!kept.contains(dir.getFileName().toString())) {
                delete(dir);
            }
        }
    }

    /**
     * Uploads made before keys were sealed are sealed in place: a listing, no database read. Directories of drafts gone
     * since go with the next {@link #removeUnused}, which looks at every directory.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sealKeptKeys() {
        if (Files.isDirectory(directory)) {
            children(directory).stream().flatMap(dir -> children(dir).stream())
                    .filter(file -> file.getFileName().toString().endsWith("-traefik.key"))
                    .forEach(this::sealIfClear);
        }
    }

    /** After commit: the environment's files stay while its deletion could still roll back. */
    @TransactionalEventListener(fallbackExecution = true)
    void environmentDeleted(EnvironmentDeleted event) {
        removeUnused();
    }

    private Stream<String> namedFiles(Environment environment) {
        return environment.clusters().stream()
                .flatMap(cluster -> catalogue.effective(environment, cluster).certificates(VARIABLE).stream())
                .flatMap(files -> Stream.of(files.certFile(), files.keyFile()));
    }

    private void sealIfClear(Path keyFile) {
        try {
            String content = Files.readString(keyFile);
            if (!SecretBox.isEncrypted(content.strip())) {
                Files.writeString(keyFile, box.encrypt(content));
                log.info("Sealed the uploaded Traefik key {}, kept in clear by an earlier version", keyFile);
            }
        } catch (IOException e) {
            log.warn("Cannot seal the uploaded Traefik key {}: {}", keyFile, e.getMessage());
        }
    }

    /** Readable by the console's user only, as the operator's own certificate files would be. */
    private Path write(long draftId, String name, String content) {
        try {
            Path dir = Files.createDirectories(directory.resolve(String.valueOf(draftId)));
            Path file = dir.resolve(name);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded certificate in " + directory, e);
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("Cannot remove the uploaded certificates {}: {}", dir, e.getMessage());
        }
    }
}
