package io.reemo.console.node.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.secrets.SecretMasker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        LineReader.pump(in, UnaryOperator.identity(), lines::add);
        return lines;
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndKeepsAnUnterminatedLastLine() throws IOException {
        byte[] bytes = "one\r\ntwo\n\nthrée\nlast".getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new ByteArrayInputStream(bytes))).containsExactly("one", "two", "", "thrée", "last");
    }

    @Test
    void aLineSplitAcrossReadsIsJoined() throws IOException {
        InputStream trickle = new InputStream() {
            private final byte[] data = "abc\ndef\n".getBytes(StandardCharsets.UTF_8);
            private int next;

            @Override
            public int read() {
                return next < data.length ? data[next++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= data.length) {
                    return -1;
                }
                b[off] = data[next++];
                return 1;
            }
        };
        assertThat(lines(trickle)).containsExactly("abc", "def");
    }

    @Test
    void anEndlessLineIsCutIntoPiecesOfTheMaximumLength() throws IOException {
        byte[] bytes = ("x".repeat(LineReader.MAX_LINE_BYTES * 2 + 10) + "\nend\n").getBytes(StandardCharsets.UTF_8);
        List<String> lines = lines(new ByteArrayInputStream(bytes));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).hasSize(LineReader.MAX_LINE_BYTES);
        assertThat(lines.get(1)).hasSize(LineReader.MAX_LINE_BYTES);
        assertThat(lines.get(2)).hasSize(10);
        assertThat(lines.get(3)).isEqualTo("end");
    }

    @Test
    void aLongSecretAcrossTheCutIsMaskedBeforeTheLineIsCut() throws IOException {
        String license = "ewogICJsaWNlbnNlIjog" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(300); // about 10 KB
        SecretMasker masker = new SecretMasker();
        masker.register(license);
        String prefix = "x".repeat(LineReader.MAX_LINE_BYTES - 100);
        byte[] bytes = (prefix + "API_LICENSE=" + license + " done\nnext\n").getBytes(StandardCharsets.UTF_8);

        List<String> lines = new ArrayList<>();
        LineReader.pump(new ByteArrayInputStream(bytes), masker::mask, lines::add);

        assertThat(String.join("", lines.subList(0, lines.size() - 1))).isEqualTo(prefix + "API_LICENSE=****** done");
        assertThat(lines).last().isEqualTo("next");
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LineReader.MAX_LINE_BYTES));
    }

    @Test
    void piecesOfALongLineNeverSplitACharacter() throws IOException {
        String line = "é".repeat(LineReader.MAX_LINE_BYTES) + "😀".repeat(3000);
        List<String> pieces = lines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertThat(String.join("", pieces)).isEqualTo(line);
        assertThat(pieces).allSatisfy(piece -> assertThat(piece.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LineReader.MAX_LINE_BYTES));
    }
}
