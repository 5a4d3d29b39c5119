package io.reemo.console.environment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Files on the console's machine that users name by path (a node's {@code ansible_ssh_private_key_file}, the Traefik
 * certificate files of {@code TRAEFIK_SSL_CERTS}, {@code REGISTRY_IMAGE_ARCHIVE}): read only below the console's data
 * folder, where uploads land, or a folder the machine's administrator named in {@code console.files.allowed-dirs};
 * only regular files (never a device, a FIFO or a directory), symbolic links resolved before the check, and text files
 * no larger than {@link #TEXT_LIMIT}. Otherwise a path typed in a form could read any file the console can (its master
 * key, another environment's keys) and ship it to a node, or read {@code /dev/zero} until memory runs out.
 */
public final class LocalFiles {

    /** Certificates and keys are a few KiB; a MiB leaves room for long chains. */
    public static final long TEXT_LIMIT = 1024 * 1024;

    /**
     * Why a path may not be read.
     *
     * @param missing the path is allowed but nothing is there (yet): a warning where the file may come later
     */
    public record Refusal(boolean missing, String message) {
    }

    private final List<Path> roots;

    /** @param roots the folders whose files may be read (resolved to their real paths when they exist) */
    public LocalFiles(List<Path> roots) {
        this.roots = roots.stream().map(LocalFiles::real).toList();
    }

    /** Why the file at {@code path} may not be read, or nothing when it may. */
    public Optional<Refusal> refusal(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of(new Refusal(false, "no path is given"));
        }
        Path given = Path.of(path);
        if (!given.isAbsolute()) {
            return Optional.of(new Refusal(false, path + " is not an absolute path"));
        }
        Path normal = given.normalize();
        // an inventory names files of the Ansible machine: not here (yet) is no reason to refuse it, reading it would be
        if (!Files.exists(normal)) {
            return Optional.of(new Refusal(true, path + " is not on the console's machine"
                    + (inside(normal) ? "" : "; the console reads such files only from " + folders() + ", or uploaded")));
        }
        if (!inside(normal)) {
            return Optional.of(outside(path));
        }
        Path real = real(normal);
        if (!inside(real)) {
            return Optional.of(outside(path + " (a link to " + real + ")"));
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new Refusal(false, path + " is not a regular file"));
        }
        if (!Files.isReadable(real)) {
            return Optional.of(new Refusal(false, path + " is not readable by the console"));
        }
        return Optional.empty();
    }

    /**
     * A certificate or key file's text.
     *
     * @throws IOException saying why it may not or could not be read
     */
    public String readText(String path) throws IOException {
        Path file = allowed(path);
        if (Files.size(file) > TEXT_LIMIT) {
            throw new IOException(path + " is larger than " + TEXT_LIMIT / 1024 + " KiB, which no certificate or key is");
        }
        return Files.readString(file);
    }

    /**
     * An image archive for {@code docker load}, checked to start like one.
     *
     * @throws IOException saying why it may not be read, or that it is no archive
     */
    public Path archive(String path) throws IOException {
        Path file = allowed(path);
        byte[] head = new byte[ImageArchiveFormat.HEAD_LENGTH];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (ImageArchiveFormat.of(head, read).isEmpty()) {
            throw new IOException(path + " is not " + ImageArchiveFormat.EXPECTED);
        }
        return file;
    }

    /** The folders files may be read from, as the messages name them. */
    public String folders() {
        return roots.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private Path allowed(String path) throws IOException {
        Optional<Refusal> refusal = refusal(path);
        if (refusal.isPresent()) {
            throw new IOException(refusal.get().message());
        }
        return real(Path.of(path));
    }

    private boolean inside(Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private Refusal outside(String what) {
        return new Refusal(false, what + " is outside the folders the console reads files from (" + folders() + "): upload"
                + " the file in the console instead, or have the machine's administrator add its folder to console.files.allowed-dirs");
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
