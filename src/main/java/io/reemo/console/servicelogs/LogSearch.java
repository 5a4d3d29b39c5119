package io.reemo.console.servicelogs;

import io.reemo.console.environment.Node;
import io.reemo.console.secrets.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Searches and downloads: the services' lines of a time range read from every node's syslog at once. */
@Component
public class LogSearch {

    /** Lines shown per node; the page says how many more matched. */
    public static final int CAP = 500;
    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final NodeLogs nodeLogs;
    private final SecretMasker masker;

    LogSearch(NodeLogs nodeLogs, SecretMasker masker) {
        this.nodeLogs = nodeLogs;
        this.masker = masker;
    }

    /** Every node that may run the services, in parallel; a failing node never hides the others' lines. */
    public List<NodeSearchResult> search(List<LoggedService> services, LogPattern pattern, Instant from, Instant until) {
        Set<String> names = LoggedServices.names(services);
        List<String> tags = LoggedServices.tags(services);
        return nodeLogs.eachAtOnce(LoggedServices.nodesOf(services), node -> {
            List<SyslogLine> lines = new ArrayList<>();
            String command = SyslogCommand.read(LoggedServices.syslogFiles(node), tags, pattern, from, until, CAP);
            NodeLogs.Outcome outcome = nodeLogs.read(node, command, SEARCH_TIMEOUT,
                    raw -> lines.add(SyslogLine.parse(node.name(), masker.mask(raw), names)));
            return new NodeSearchResult(node.name(), lines, outcome.matched(), outcome.failed() ? masker.mask(outcome.problem()) : null);
        });
    }

    /**
     * Writes every line of the range, node after node, as it arrives: nothing is gathered in memory. Each line
     * starts with its time, node and service; a node that cannot answer gets a {@code #} line saying why.
     */
    public void download(List<LoggedService> services, LogPattern pattern, Instant from, Instant until, Writer out) throws IOException {
        Set<String> names = LoggedServices.names(services);
        List<String> tags = LoggedServices.tags(services);
        for (Node node : LoggedServices.nodesOf(services)) {
            String command = SyslogCommand.read(LoggedServices.syslogFiles(node), tags, pattern, from, until, 0);
            try {
                NodeLogs.Outcome outcome = nodeLogs.read(node, command, DOWNLOAD_TIMEOUT, raw -> write(out,
                        SyslogLine.parse(node.name(), masker.mask(raw), names).plainText()));
                if (outcome.failed()) {
                    out.write("# " + node.name() + ": " + masker.mask(outcome.problem()) + "\n");
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        out.flush();
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
