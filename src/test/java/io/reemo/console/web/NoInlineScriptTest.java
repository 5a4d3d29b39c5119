package io.reemo.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts from the console's own files only, and htmx runs with eval off: anything
 * below would silently stop working in the browser. Every template and every asset script is read here, so a new one
 * fails the build instead.
 */
class NoInlineScriptTest {

    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "a <script> without src", Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"),
            "an inline event handler (on...=)", Pattern.compile("(?<![\\w.-])on[a-z]+\\s*=\\s*[\"']"),
            "hx-on", Pattern.compile("\\bhx-on"),
            "hx-vars (always evaluated)", Pattern.compile("\\bhx-vars\\b"),
            "js: or javascript: in hx-vals", Pattern.compile("hx-vals\\s*=\\s*[\"']?\\s*(?:js|javascript):"),
            "an event filter [...] in hx-trigger", Pattern.compile("hx-trigger\\s*=\\s*[\"']?[^\"'>]*\\["),
            "a javascript: URL", Pattern.compile("javascript:"),
            "eval, Function or a string timer", Pattern.compile("\\b(?:eval|Function)\\s*\\(|\\bset(?:Timeout|Interval)\\s*\\(\\s*[\"'`]"));

    @Test
    void templatesAndAssetScriptsRunNoInlineScript() throws IOException {
        List<Path> files = new ArrayList<>(files(Path.of("src/main/resources/templates"), ".html"));
        files.addAll(files(Path.of("frontend-assets"), ".js"));
        assertThat(files).as("templates and asset scripts found").hasSizeGreaterThan(10);

        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            FORBIDDEN.forEach((what, pattern) -> {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    found.add(file + ":" + line(text, m.start()) + ": " + what + ": " + m.group());
                }
            });
        }
        assertThat(found).as("inline script the Content-Security-Policy would block").isEmpty();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static long line(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
