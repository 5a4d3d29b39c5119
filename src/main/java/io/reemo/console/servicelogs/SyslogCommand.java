package io.reemo.console.servicelogs;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell scripts that read the services' lines out of a node's syslog file. Filtering happens on the node
 * (grep on the services' tags and the pattern, awk on the time range), so only the lines shown cross the wire.
 * Every value from the user reaches the remote shell single-quoted; times and caps are numbers.
 */
final class SyslogCommand {

    /** Stderr line that tells how many lines matched in all, before the cap. */
    static final String MATCHED = "@@reemo-matched ";

    /**
     * Keeps the lines from {@code from} up to, not including, {@code until} (epoch seconds; 0 for no bound) and the
     * first {@code cap} of them (0: all). Syslog files carry either RFC 3339 times or "Nov 26 02:30:01" in the node's zone without a year; mktime
     * reads both in the node's zone. In follow mode (until 0) the first line at or after {@code from} opens the
     * gate for good: no date parsing per live line.
     */
    private static final String TIME_FILTER = """
            BEGIN { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " "); for (i = 1; i <= 12; i++) mon[m[i]] = i
              year = strftime("%Y") + 0; month = strftime("%m") + 0 }
            function at(  t, d) {
              if ($1 ~ /^[0-9][0-9][0-9][0-9]-/) { t = substr($1, 1, 19); gsub(/[-T:]/, " ", t); return mktime(t) }
              if (!($1 in mon)) return -1
              split($3, d, ":")
              return mktime((mon[$1] > month ? year - 1 : year) " " mon[$1] " " $2 " " d[1] " " d[2] " " d[3])
            }
            !open && (from || until) { t = at(); if (t < from || (until && t >= until)) next; if (!until) open = 1 }
            { n++; if (!cap || n <= cap) { print; fflush() } }
            END { if (cap) print "@@reemo-matched " n + 0 > "/dev/stderr" }""";

    private SyslogCommand() {
    }

    /** Follows the file by name (rotation is survived) from {@code since}, live. */
    static String follow(List<String> candidates, List<String> tags, Instant since) {
        return prologue(candidates)
                + "echo \"" + NodeFollow.FOLLOWING + "$f\" >&2\n"
                + "tail -n +1 -F \"$f\" | grep --line-buffered -E -e " + quote(tagRegex(tags))
                + " | $awk -v from=" + since.getEpochSecond() + " -v until=0 -v cap=0 " + quote(TIME_FILTER) + "\n";
    }

    /**
     * The lines of the chosen services from {@code from} up to {@code until} that contain the pattern, in the
     * current file and the newest uncompressed rotated one; {@code from}/{@code until} may be {@code null}, {@code pattern} too (all
     * lines), {@code cap} 0 for no cap.
     */
    static String read(List<String> candidates, List<String> tags, LogPattern pattern, Instant from, Instant until, int cap) {
        String grepPattern = pattern == null ? ""
                : " | LC_ALL=C grep " + (pattern.regex() ? "-P" : "-F") + " -e " + quote(pattern.text());
        return prologue(candidates)
                + "set -- \"$f\"; r=$(ls -t \"$f\".1 \"$f\"-[0-9]* 2>/dev/null | grep -v '\\.gz$' | head -n 1)"
                + "; if [ -n \"$r\" ]; then set -- \"$r\" \"$f\"; fi\n"
                + "LC_ALL=C grep -h -E -e " + quote(tagRegex(tags)) + " -- \"$@\"" + grepPattern
                + " | $awk -v from=" + epoch(from) + " -v until=" + epoch(until) + " -v cap=" + cap + " " + quote(TIME_FILTER) + "\n";
    }

    /** Picks the first readable syslog file, and an awk that hands on each line at once (mawk buffers pipes). */
    private static String prologue(List<String> candidates) {
        String tried = String.join(" ", candidates);
        return "f=; for c in " + candidates.stream().map(SyslogCommand::quote).collect(Collectors.joining(" "))
                + "; do if [ -r \"$c\" ]; then f=$c; break; fi; done\n"
                + "if [ -z \"$f\" ]; then echo " + quote("no readable syslog file (tried " + tried + "): is rsyslog installed?")
                + " >&2; exit 3; fi\n"
                + "awk=awk; if awk -W version 2>/dev/null | grep -q mawk; then awk='awk -W interactive'; fi\n";
    }

    /**
     * Lines whose syslog tag is one of the services' (Docker's syslog driver writes {@code tag[pid]:} after the
     * time and host); a tag may carry a task after a dot or slash ({@code reemo_portal.1.x3f…}).
     */
    static String tagRegex(List<String> tags) {
        return "^([A-Z][a-z][a-z] +[0-9]+ [0-9:]+|[0-9][0-9][0-9][0-9]-[^ ]+) [^ ]+ ("
                + tags.stream().map(SyslogCommand::escapeRegex).collect(Collectors.joining("|"))
                + ")([./][^ :\\[]*)?(\\[[0-9]+\\])?: ";
    }

    /** POSIX single quotes: nothing inside is special to the shell; a quote itself is closed, escaped, reopened. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static String escapeRegex(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 4);
        for (char c : literal.toCharArray()) {
            if (".[]()*+?{}|^$\\".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static long epoch(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond();
    }
}
