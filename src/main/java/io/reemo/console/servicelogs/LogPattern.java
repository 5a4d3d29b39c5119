package io.reemo.console.servicelogs;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a log search looks for: a fixed string, or a Perl-style regular expression (the nodes run {@code grep -P},
 * whose syntax is close to Java's, so Java can check it before anything is sent).
 */
public record LogPattern(String text, boolean regex) {

    /** Why the pattern cannot be used, in words for the field, or empty. */
    public Optional<String> problem() {
        if (text.isBlank()) {
            return Optional.of("Enter the text or regular expression to look for.");
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return Optional.of("A log line is one line: the pattern cannot span lines.");
        }
        if (regex) {
            try {
                Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                return Optional.of("Not a valid regular expression: " + e.getDescription() + " near position " + e.getIndex()
                        + ". Untick \"Regular expression\" to search for the text as written.");
            }
        }
        return Optional.empty();
    }
}
