package io.reemo.console.servicelogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote scripts, run here by {@code sh} on a syslog file of our own (this machine has the same grep, tail
 * and mawk as a Debian node): what they let through, and that nothing the user types escapes its quotes.
 */
class SyslogCommandTest {

    private static final DateTimeFormatter TRADITIONAL = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    @TempDir
    Path dir;

    @Test
    void quotingKeepsEveryCharacterLiteral() throws Exception {
        String hostile = "it's $(touch " + dir.resolve("pwned") + ") `id` \"x\" \\ ; |";
        assertThat(SyslogCommand.quote("it's")).isEqualTo("'it'\\''s'");
        Path syslog = write("syslog", traditional(LocalDateTime.now(), "reemo_portal", hostile),
                traditional(LocalDateTime.now(), "reemo_portal", "plain"));

        Result result = run(SyslogCommand.read(List.of(syslog.toString()), List.of("reemo_portal"),
                new LogPattern(hostile, false), null, null, 10));

        assertThat(result.out()).hasSize(1).allSatisfy(line -> assertThat(line).endsWith(hostile));
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void readKeepsTheServicesLinesOfTheRangeThatMatchAndCountsWhatTheCapCut() throws Exception {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        Path syslog = write("syslog",
                traditional(now.minusHours(2), "reemo_portal", "GET /old 500 12"),
                traditional(now.minusMinutes(5), "reemo_portal", "GET /a 500 12"),
                traditional(now.minusMinutes(4), "reemo_api", "GET /b 500 12"),
                traditional(now.minusMinutes(3), "reemo_portal.1.x3f9", "GET /c 500 7"),
                traditional(now.minusMinutes(2), "reemo_portalx", "GET /d 500 7"),
                traditional(now.minusMinutes(1), "cron", "reemo_portal[1]: GET /e 500 1"),
                traditional(now.minusMinutes(1), "reemo_portal", "GET /f 200 3"),
                traditional(now.minusSeconds(30), "reemo_portal", "GET /g 500 9"));
        Instant from = now.minusMinutes(30).atZone(ZoneId.systemDefault()).toInstant();

        Result all = run(SyslogCommand.read(List.of(syslog.toString()), List.of("reemo_portal"),
                new LogPattern(" 500 [0-9]", true), from, null, 10));
        assertThat(all.out()).extracting(l -> l.substring(l.indexOf("GET"))).containsExactly("GET /a 500 12", "GET /c 500 7", "GET /g 500 9");
        assertThat(all.err()).containsExactly(SyslogCommand.MATCHED + "3");

        Result capped = run(SyslogCommand.read(List.of(syslog.toString()), List.of("reemo_portal"),
                new LogPattern(" 500 ", false), from, now.minusMinutes(1).atZone(ZoneId.systemDefault()).toInstant(), 1));
        assertThat(capped.out()).hasSize(1).first().asString().endsWith("GET /a 500 12");
        assertThat(capped.err()).containsExactly(SyslogCommand.MATCHED + "2");
    }

    @Test
    void rfc3339TimesAndTheRotatedFileAreReadToo() throws Exception {
        Path syslog = write("syslog", "2026-11-26T02:30:01.123456+00:00 node1 traefik[12]: \"GET / HTTP/1.1\" 502 0 now");
        write("syslog.1", "2026-11-26T01:30:01.000000+00:00 node1 traefik[12]: \"GET / HTTP/1.1\" 503 0 before");
        write("syslog.2.gz", "not read");

        Result result = run(SyslogCommand.read(List.of("/nonexistent/messages", syslog.toString()), List.of("traefik"),
                new LogPattern("\" 5[0-9][0-9] [0-9]", true), Instant.parse("2026-11-26T01:00:00Z"), null, 5));

        assertThat(result.out()).extracting(l -> l.substring(l.lastIndexOf(' ') + 1)).containsExactly("before", "now");
    }

    @Test
    void aNodeWithoutSyslogFileSaysSoAndFails() throws Exception {
        Result result = run(SyslogCommand.read(List.of("/nonexistent/syslog", "/nonexistent/messages"), List.of("traefik"), null,
                null, null, 5));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).containsExactly("no readable syslog file (tried /nonexistent/syslog /nonexistent/messages): is rsyslog installed?");
    }

    @Test
    void followSendsLinesSinceTheStartThenEachNewLineAtOnce() throws Exception {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        Path syslog = write("syslog", traditional(now.minusHours(1), "reemo_portal", "too old"),
                traditional(now.minusMinutes(1), "reemo_portal", "recent"),
                traditional(now.minusMinutes(1), "reemo_api", "other service"));
        Process process = new ProcessBuilder("sh", "-c", SyslogCommand.follow(List.of(syslog.toString()), List.of("reemo_portal"),
                now.minusMinutes(10).atZone(ZoneId.systemDefault()).toInstant())).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process, lines));
        reader.start();
        try {
            assertThat(lines.poll(5, TimeUnit.SECONDS)).endsWith("recent");
            Files.writeString(syslog, traditional(LocalDateTime.now(), "reemo_api", "not shown") + "\n"
                    + traditional(LocalDateTime.now(), "reemo_portal", "live line") + "\n", StandardOpenOption.APPEND);
            long written = System.nanoTime();
            assertThat(lines.poll(5, TimeUnit.SECONDS)).endsWith("live line");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - written)).isLessThan(1500); // inotify; a second where tail must poll instead
            assertThat(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)).readLine())
                    .isEqualTo(NodeFollow.FOLLOWING + syslog);
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            reader.join(2000);
        }
    }

    @Test
    void theTagRegexMatchesTheTagAfterTimeAndHostOnly() {
        String regex = SyslogCommand.tagRegex(List.of("reemo_portal", "traefik"));
        Pattern pattern = Pattern.compile(regex);
        assertThat(pattern.matcher("Nov  6 02:30:01 node1 traefik[33]: x").find()).isTrue();
        assertThat(pattern.matcher("2026-11-26T02:30:01.1+00:00 node1 reemo_portal.2.abc[33]: x").find()).isTrue();
        assertThat(pattern.matcher("Nov 26 02:30:01 node1 cron[1]: traefik[33]: x").find()).isFalse();
        assertThat(pattern.matcher("Nov 26 02:30:01 node1 reemo_portalx[1]: x").find()).isFalse();
        assertThat(SyslogCommand.tagRegex(List.of("a.b"))).contains("(a\\.b)");
    }

    private static String traditional(LocalDateTime time, String tag, String message) {
        return TRADITIONAL.format(time) + " node1 " + tag + "[4242]: " + message;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private record Result(List<String> out, List<String> err, int exit) {
    }

    private static Result run(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).start();
        List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Result(out, err, process.exitValue());
    }

    private static void readLines(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the process was stopped
        }
    }
}
