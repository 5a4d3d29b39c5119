package io.reemo.console.environment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The kinds of file {@code docker load} takes, told by their first bytes: a tar (ustar at 257) as {@code docker save}
 * writes, or one compressed with gzip, bzip2 or xz. Checked before an archive is streamed to the nodes and as one is
 * uploaded, so a wrong file is named at once, not as a Docker error on every node.
 */
public enum ImageArchiveFormat {

    TAR(".tar", null),
    GZIP(".tar.gz", HexFormat.of().parseHex("1f8b")),
    BZIP2(".tar.bz2", "BZh".getBytes(StandardCharsets.US_ASCII)),
    XZ(".tar.xz", HexFormat.of().parseHex("fd377a585a00"));

    /** How many first bytes tell the kind: the tar header's magic ends at 262. */
    public static final int HEAD_LENGTH = 262;

    /** What an archive must be, for messages. */
    public static final String EXPECTED = "an image archive (a tar as docker save writes, or one compressed with gzip, bzip2 or xz)";

    private final String extension;
    private final byte[] magic;

    ImageArchiveFormat(String extension, byte[] magic) {
        this.extension = extension;
        this.magic = magic;
    }

    /** The file name ending an archive of this kind is given. */
    public String extension() {
        return extension;
    }

    /** The kind of archive whose first {@code length} bytes are in {@code head}, or none when it is no image archive. */
    public static Optional<ImageArchiveFormat> of(byte[] head, int length) {
        if (length >= HEAD_LENGTH && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return Optional.of(TAR);
        }
        return Arrays.stream(values()).filter(kind -> kind.magic != null && length >= kind.magic.length
                && Arrays.equals(Arrays.copyOf(head, kind.magic.length), kind.magic)).findFirst();
    }
}
