package io.reemo.console.servicelogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.environment.Node;
import io.reemo.console.secrets.SecretMasker;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Search and download over three nodes whose SSH answers are stood in for: one answers, one is empty, one fails. */
class LogSearchTest {

    private static final Node NODE1 = new Node("node1", "10.0.0.1", 22, "root", null, null, null, null);
    private static final Node NODE2 = new Node("node2", "10.0.0.2", 22, "root", null, null, null, null);
    private static final Node NODE3 = new Node("node3", "10.0.0.3", 22, "root", null, null, null, null);
    private static final List<LoggedService> SERVICES = List.of(new LoggedService("traefik", "traefik", List.of(NODE1, NODE2, NODE3)));

    private final SecretMasker masker = new SecretMasker();
    private final List<String> commands = new ArrayList<>();
    private final NodeLogs nodes = new NodeLogs(null) {
        @Override
        Outcome read(Node node, String command, Duration timeout, Consumer<String> lines) {
            synchronized (commands) {
                commands.add(node.name() + ": " + command);
            }
            return switch (node.name()) {
                case "node1" -> {
                    lines.accept("Nov 26 02:30:01 node1 traefik[9]: \"GET /a?key=hunter2-secret HTTP/1.1\" 502 0");
                    lines.accept("Nov 26 02:30:02 node1 traefik[9]: \"GET /b HTTP/1.1\" 503 0");
                    yield new Outcome(7, null);
                }
                case "node2" -> new Outcome(0, null);
                default -> new Outcome(0, "node3 (10.0.0.3:22): login as root refused (password hunter2-secret)");
            };
        }
    };
    private final LogSearch search = new LogSearch(nodes, masker);

    @AfterEach
    void stopWorkers() {
        nodes.shutdown();
    }

    @Test
    void everyNodeAnswersInItsOwnResultWithWhatTheCapCutAndFailuresInWords() {
        masker.register("hunter2-secret");

        List<NodeSearchResult> results = search.search(SERVICES, new LogPattern("\" 5[0-9][0-9] [0-9]", true),
                Instant.parse("2026-11-26T02:00:00Z"), null);

        assertThat(results).extracting(NodeSearchResult::node).containsExactly("node1", "node2", "node3");
        assertThat(results.get(0).lines()).extracting(SyslogLine::message)
                .containsExactly("\"GET /a?key=****** HTTP/1.1\" 502 0", "\"GET /b HTTP/1.1\" 503 0");
        assertThat(results.get(0).cut()).isEqualTo(5);
        assertThat(results.get(1)).isEqualTo(new NodeSearchResult("node2", List.of(), 0, null));
        assertThat(results.get(2).problem()).isEqualTo("node3 (10.0.0.3:22): login as root refused (password ******)");
        assertThat(commands).hasSize(3).allSatisfy(command -> assertThat(command)
                .contains("-v from=" + Instant.parse("2026-11-26T02:00:00Z").getEpochSecond() + " -v until=0 -v cap=" + LogSearch.CAP)
                .contains("grep -P -e '\" 5[0-9][0-9] [0-9]'"));
    }

    @Test
    void aDownloadWritesEachNodesLinesPrefixedNodeAfterNodeWithoutCap() throws Exception {
        StringWriter out = new StringWriter();

        search.download(SERVICES, null, null, null, out);

        assertThat(out.toString()).isEqualTo("""
                Nov 26 02:30:01 node1 traefik | "GET /a?key=hunter2-secret HTTP/1.1" 502 0
                Nov 26 02:30:02 node1 traefik | "GET /b HTTP/1.1" 503 0
                # node3: node3 (10.0.0.3:22): login as root refused (password hunter2-secret)
                """);
        assertThat(commands).extracting(command -> command.substring(0, 5)).containsExactly("node1", "node2", "node3");
        assertThat(commands).allSatisfy(command -> assertThat(command).contains("-v cap=0 ").doesNotContain("grep -P").doesNotContain("grep -F"));
    }
}
