package io.reemo.console.node.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Splits a byte stream into UTF-8 lines as bytes arrive; a line longer than the cap is cut into pieces. */
final class LineReader {

    static final int MAX_LINE_BYTES = 8192;

    private LineReader() {
    }

    /** Hot path: runs for every byte of remote output. */
    static void pump(InputStream in, Consumer<String> sink) throws IOException {
        byte[] buffer = new byte[16384];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int read;
        while ((read = in.read(buffer)) != -1) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    emit(line, sink);
                    start = i + 1;
                } else if (line.size() + (i - start) >= MAX_LINE_BYTES) {
                    line.write(buffer, start, i - start);
                    emit(line, sink);
                    start = i;
                }
            }
            line.write(buffer, start, read - start);
        }
        if (line.size() > 0) {
            emit(line, sink);
        }
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> sink) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        sink.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
