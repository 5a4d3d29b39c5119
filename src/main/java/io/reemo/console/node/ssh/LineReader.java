package io.reemo.console.node.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Splits a byte stream into UTF-8 lines as bytes arrive; a line longer than {@link #MAX_LINE_BYTES} is cut into
 * pieces. It is masked before it is cut: a secret crossing a cut (a license of 10 KB) would otherwise reach the
 * masker as two halves that match nothing. So a long line is held whole up to {@link #MAX_MASKED_BYTES}.
 */
final class LineReader {

    static final int MAX_LINE_BYTES = 8192;
    /** Only a line longer than this (a runaway output without line breaks) is cut before it is masked. */
    static final int MAX_MASKED_BYTES = 1024 * 1024;

    private LineReader() {
    }

    /**
     * Hot path: runs for every byte of remote output.
     *
     * @param mask applied to a line longer than {@link #MAX_LINE_BYTES} before it is cut; shorter lines reach the
     *             sink as read (its caller masks every line)
     */
    static void pump(InputStream in, UnaryOperator<String> mask, Consumer<String> sink) throws IOException {
        byte[] buffer = new byte[16384];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int read;
        while ((read = in.read(buffer)) != -1) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    emit(line, mask, sink);
                    start = i + 1;
                } else if (line.size() + (i - start) >= MAX_MASKED_BYTES) {
                    line.write(buffer, start, i - start);
                    emit(line, mask, sink);
                    start = i;
                }
            }
            line.write(buffer, start, read - start);
        }
        if (line.size() > 0) {
            emit(line, mask, sink);
        }
    }

    private static void emit(ByteArrayOutputStream line, UnaryOperator<String> mask, Consumer<String> sink) {
        boolean tooLong = line.size() > MAX_LINE_BYTES;
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!tooLong) {
            sink.accept(text);
            return;
        }
        cut(mask.apply(text), sink);
    }

    /** Pieces of at most {@link #MAX_LINE_BYTES} in UTF-8, never between the two halves of a surrogate pair. */
    private static void cut(String text, Consumer<String> sink) {
        int pieceStart = 0;
        int pieceBytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length();
            int bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
            if (pieceBytes + bytes > MAX_LINE_BYTES) {
                sink.accept(text.substring(pieceStart, i));
                pieceStart = i;
                pieceBytes = 0;
            }
            pieceBytes += bytes;
            if (pair) {
                i++;
            }
        }
        if (pieceStart < text.length()) {
            sink.accept(text.substring(pieceStart));
        }
    }
}
