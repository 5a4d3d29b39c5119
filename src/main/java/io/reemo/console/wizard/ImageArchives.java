package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentDeleted;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.ImageArchiveFormat;
import io.reemo.console.environment.VariableCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.unit.DataSize;

/**
 * The image archives uploaded for image mode offline, in {@code <data-dir>/files/archives} (where {@link
 * io.reemo.console.environment.LocalFiles} lets the deploy read them). An upload is streamed to a part file while its
 * SHA-256 is computed, checked to start like an archive and to stay under {@code console.files.max-archive-size}, and
 * only then named after its SHA-256: the client's file name never becomes a path, and the same archive uploaded twice
 * is kept once. An archive goes when neither a stored environment nor a draft names it any more.
 */
@Component
class ImageArchives {

    static final String VARIABLE = "REGISTRY_IMAGE_ARCHIVE";

    private static final Logger log = LoggerFactory.getLogger(ImageArchives.class);
    private static final Pattern STORED_NAME = Pattern.compile("([0-9a-f]{64})\\.tar(\\.gz|\\.bz2|\\.xz)?");
    private static final String PART = ".part-";
    private static final int BUFFER = 256 * 1024;

    /** An archive kept here: its path, size in bytes and SHA-256 (hex). */
    record Stored(Path path, long size, String sha256) {
    }

    /** An upload refused for what it is, said for the person who sent it. */
    static final class Refused extends Exception {
        private final boolean tooLarge;

        Refused(boolean tooLarge, String message) {
            super(message);
            this.tooLarge = tooLarge;
        }

        boolean tooLarge() {
            return tooLarge;
        }
    }

    private final Path directory;
    private final DataSize maxSize;
    private final WizardDrafts drafts;
    private final Environments environments;
    private final VariableCatalogue catalogue;

    ImageArchives(@Value("${console.data-dir}") Path dataDir, @Value("${console.files.max-archive-size:20GB}") DataSize maxSize,
                  WizardDrafts drafts, Environments environments, VariableCatalogue catalogue) {
        this.directory = dataDir.toAbsolutePath().normalize().resolve("files").resolve("archives");
        this.maxSize = maxSize;
        this.drafts = drafts;
        this.environments = environments;
        this.catalogue = catalogue;
    }

    long maxBytes() {
        return maxSize.toBytes();
    }

    /** The limit in words: "20 GB", "64 KB". */
    String maxSizeText() {
        long bytes = maxBytes();
        for (String unit : List.of("GB", "MB", "KB")) {
            long factor = DataSize.parse("1" + unit).toBytes();
            if (bytes >= factor) {
                return String.format(Locale.ROOT, bytes % factor == 0 ? "%.0f %s" : "%.1f %s", (double) bytes / factor, unit);
            }
        }
        return bytes + " bytes";
    }

    /**
     * Keeps the archive {@code body} holds. {@code use} runs once it is in place, under the lock that the clean-up
     * takes, so that an archive is named by its draft before anything could find it unused; archives nothing names any
     * more go right after.
     *
     * @param declaredLength the request's length, -1 when unknown: an archive said to be too large is refused unread
     * @throws Refused     when it is too large or no image archive; nothing is kept
     * @throws IOException when it could not be read or written; nothing is kept
     */
    Stored receive(InputStream body, long declaredLength, Consumer<Stored> use) throws Refused, IOException {
        if (declaredLength > maxBytes()) {
            throw tooLarge();
        }
        byte[] head = body.readNBytes(ImageArchiveFormat.HEAD_LENGTH);
        Optional<ImageArchiveFormat> format = ImageArchiveFormat.of(head, head.length);
        if (format.isEmpty()) {
            // read to the end, so that the browser, still sending, gets this answer rather than a broken connection
            skip(body, maxBytes());
            throw new Refused(false, head.length == 0 ? "Nothing was uploaded: choose the archive docker save wrote."
                    : "The file is not " + ImageArchiveFormat.EXPECTED + ": choose the file docker save wrote.");
        }
        Files.createDirectories(directory);
        Path part = directory.resolve(PART + UUID.randomUUID());
        try {
            MessageDigest sha256 = sha256();
            long size;
            Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part, StandardOpenOption.WRITE), sha256)) {
                out.write(head);
                size = head.length + copy(body, out, maxBytes() - head.length);
            }
            String hex = HexFormat.of().formatHex(sha256.digest());
            Stored stored = new Stored(directory.resolve(hex + format.get().extension()), size, hex);
            synchronized (this) {
                // an archive already there under this name has the same bytes
                Files.move(part, stored.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                use.accept(stored);
                removeUnused();
            }
            return stored;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The archive at {@code path}, when it is one uploaded here. */
    Optional<Stored> describe(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(path).toAbsolutePath().normalize();
            Matcher name = STORED_NAME.matcher(String.valueOf(file.getFileName()));
            if (!directory.equals(file.getParent()) || !name.matches() || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Stored(file, Files.size(file), name.group(1)));
        } catch (IOException | InvalidPathException notOneOfOurs) {
            // a typed path that names nothing here: the field's findings say what is wrong with it
            return Optional.empty();
        }
    }

    /** Deletes the archives that no stored environment and no draft names (a replaced one, say). */
    synchronized void removeUnused() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Set<Path> named = Stream.concat(drafts.all().stream().map(Draft::environment), environments.list().stream())
                .flatMap(this::namedArchives).map(path -> Path.of(path).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        for (Path file : list()) {
            if (STORED_NAME.matcher(file.getFileName().toString()).matches() && !named.contains(file)) {
                delete(file, "no environment or draft names it any more");
            }
        }
    }

    /** Part files are uploads that a stop of the console cut short: none of them will be finished. */
    @EventListener(ApplicationReadyEvent.class)
    void removeParts() {
        if (Files.isDirectory(directory)) {
            list().stream().filter(file -> file.getFileName().toString().startsWith(PART))
                    .forEach(file -> delete(file, "an upload the console's stop cut short"));
        }
    }

    /** After commit: the environment's archive stays while its deletion could still roll back. */
    @TransactionalEventListener(fallbackExecution = true)
    void environmentDeleted(EnvironmentDeleted event) {
        removeUnused();
    }

    private Stream<String> namedArchives(Environment environment) {
        return environment.clusters().stream().map(cluster -> catalogue.effective(environment, cluster).text(VARIABLE))
                .flatMap(Optional::stream);
    }

    private Refused tooLarge() {
        return new Refused(true, "The archive is larger than the " + maxSizeText() + " the console takes"
                + " (console.files.max-archive-size): save fewer images into it, or have the console's administrator raise the limit.");
    }

    /** Copies at most {@code limit} bytes; one more refuses the upload. */
    private long copy(InputStream in, OutputStream out, long limit) throws IOException, Refused {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void skip(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; total <= limit && (n = in.read(buffer)) != -1; ) {
            total += n;
        }
    }

    private List<Path> list() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file, String why) {
        try {
            Files.deleteIfExists(file);
            log.info("Removed the image archive {}: {}", file, why);
        } catch (IOException e) {
            log.warn("Cannot remove the image archive {}: {}", file, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
