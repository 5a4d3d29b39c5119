package io.reemo.console.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys, in a file outside the database that only the console's user may read (0600).
 * One key a line, {@code <keyId> <base64 256-bit key>}, oldest first: the last line encrypts.
 */
final class Keyring {

    private static final Logger log = LoggerFactory.getLogger(Keyring.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = """
            # Reemo Infra Console master keys. Keep this file with the database backup and readable by the console's
            # user only: without it the stored secrets cannot be decrypted. One key a line, oldest first; the last encrypts.
            """;

    record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final Path path;
    private final List<Key> keys;
    private final SecureRandom random = new SecureRandom();

    private Keyring(Path path, List<Key> keys) {
        this.path = path;
        this.keys = new ArrayList<>(keys);
    }

    static Keyring openOrCreate(Path path) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Keyring keyring;
            if (Files.exists(path)) {
                keyring = new Keyring(path, read(path));
                restrictToOwner(path);
            } else {
                keyring = new Keyring(path, List.of());
                keyring.addKey();
                log.info("Created the master key file {} (owner read/write only)", path);
            }
            return keyring;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the master key file " + path, e);
        }
    }

    Path path() {
        return path;
    }

    synchronized Key newest() {
        return keys.get(keys.size() - 1);
    }

    synchronized Optional<Key> find(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    synchronized Key addKey() {
        byte[] material = new byte[32];
        random.nextBytes(material);
        byte[] idBytes = new byte[4];
        random.nextBytes(idBytes);
        Key key = new Key("k" + HexFormat.of().formatHex(idBytes), new SecretKeySpec(material, "AES"));
        keys.add(key);
        write();
        return key;
    }

    private void write() {
        StringBuilder text = new StringBuilder(HEADER);
        keys.forEach(k -> text.append(k.id()).append(' ')
                .append(Base64.getEncoder().encodeToString(k.secret().getEncoded())).append('\n'));
        try {
            Path temp = path.resolveSibling(path.getFileName() + ".new");
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + path, e);
        }
    }

    private static List<Key> read(Path path) throws IOException {
        List<Key> keys = new ArrayList<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            byte[] material = parts.length == 2 ? decode(parts[1]) : null;
            if (material == null || material.length != 32) {
                throw new IllegalStateException("line " + (i + 1) + " of the master key file " + path
                        + " is not '<keyId> <base64 of 32 bytes>'");
            }
            keys.add(new Key(parts[0], new SecretKeySpec(material, "AES")));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the master key file " + path + " holds no key; restore it from the backup");
        }
        return keys;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    /** A key file others can read is a leak waiting to happen: narrow it and say so. */
    private static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().equals(OWNER_ONLY)) {
            view.setPermissions(OWNER_ONLY);
            log.warn("The master key file {} was readable by others; its permissions are now 0600", file);
        }
    }
}
