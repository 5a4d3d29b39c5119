package io.reemo.console.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.logging.Log;

/**
 * The data directory holds the keyring, the H2 database and the uploads: only the console's user may enter it. Its
 * mode protects the files inside, whatever mode they were created with.
 */
final class OwnerOnlyDirectory {

    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyDirectory() {
    }

    /**
     * Creates {@code dir} with mode 0700, or takes group and other permissions from an existing one the console's user
     * owns (and says so); an existing one of another owner is left alone with a warning.
     */
    static void ensure(Path dir, Log log) throws IOException {
        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: the operator's ACLs apply
        }
        Set<PosixFilePermission> mode = view.readAttributes().permissions();
        if (OWNER.containsAll(mode)) {
            return;
        }
        String was = PosixFilePermissions.toString(mode);
        mode.retainAll(OWNER);
        String owner = view.getOwner().getName();
        if (!existed) {
            view.setPermissions(OWNER);
        } else if (owner.equals(System.getProperty("user.name"))) {
            view.setPermissions(mode);
            log.warn("The console's data directory " + dir + " was open to other users (" + was + "); it is now "
                    + PosixFilePermissions.toString(mode) + ": it holds the keyring and the database");
        } else {
            log.warn("The console's data directory " + dir + " is open to other users (" + was + ") and belongs to "
                    + owner + ", not to the console's user: restrict it (chmod 700), it holds the keyring and the database");
        }
    }
}
