package io.reemo.console.admin.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.Node;
import io.reemo.console.servicelogs.LogPattern;
import io.reemo.console.servicelogs.LoggedService;
import io.reemo.console.servicelogs.LoggedServices;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of the log forms: times, services, patterns; each problem in words for its field. */
class LogSelectionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T14:00:00Z");
    private static final Node NODE1 = new Node("node1", "10.0.0.1", 22, "root", null, null, null, null);
    private static final Node NODE2 = new Node("node2", "10.0.0.2", 22, "root", null, null, null, null);
    private static final List<LoggedService> KNOWN = List.of(new LoggedService("traefik", "traefik", List.of(NODE1, NODE2)),
            new LoggedService("reemo_mysql", "reemo_mysql", List.of(NODE1)));

    @Test
    void timesAreUtcMomentsOrSpansBackFromNow() {
        assertThat(TimeInput.parse("2026-11-26 13:05", NOW)).isEqualTo(Instant.parse("2026-11-26T13:05:00Z"));
        assertThat(TimeInput.parse("2026-11-26T13:05:30", NOW)).isEqualTo(Instant.parse("2026-11-26T13:05:30Z"));
        assertThat(TimeInput.parse("2026-11-26T13:05:30+01:00", NOW)).isEqualTo(Instant.parse("2026-11-26T12:05:30Z"));
        assertThat(TimeInput.parse("15m", NOW)).isEqualTo(Instant.parse("2026-11-26T13:45:00Z"));
        assertThat(TimeInput.parse(" 2 h ", NOW)).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(TimeInput.parse("1d", NOW)).isEqualTo(Instant.parse("2026-11-25T14:00:00Z"));
        assertThat(TimeInput.parse("  ", NOW)).isNull();
        assertThatThrownBy(() -> TimeInput.parse("yesterday", NOW)).hasMessage("\"yesterday\" is not a time. " + TimeInput.HELP);
        assertThatThrownBy(() -> TimeInput.parse("2026-13-40 10:00", NOW)).hasMessageStartingWith("\"2026-13-40 10:00\" is not a time.");
    }

    @Test
    void noServiceMeansAllForASearchAndNoneForALiveView() {
        LogSelection search = LogSelection.of(KNOWN, List.of(), true, "", "", NOW);
        LogSelection live = LogSelection.of(KNOWN, List.of(), false, "15m", "", NOW);

        assertThat(search.valid()).isTrue();
        assertThat(search.services()).isEqualTo(KNOWN);
        assertThat(LoggedServices.nodesOf(search.services())).extracting(Node::name).containsExactly("node1", "node2");
        assertThat(live.problems()).containsEntry("services", "Tick at least one service.");
    }

    @Test
    void eachBadFieldIsNamedWithWhatToDo() {
        LogSelection selection = LogSelection.of(KNOWN, List.of("traefik", "reemo_ghost"), true, "1h", "2h", NOW)
                .checking(new LogPattern("(unclosed", true));

        assertThat(selection.problems()).containsOnlyKeys("services", "until", "pattern");
        assertThat(selection.problems().get("services")).isEqualTo("This environment runs no service named reemo_ghost.");
        assertThat(selection.problems().get("until")).isEqualTo("Must be after the start of the range.");
        assertThat(selection.problems().get("pattern")).startsWith("Not a valid regular expression: Unclosed group");
    }

    @Test
    void patternsAreCheckedBeforeAnythingRuns() {
        assertThat(new LogPattern("( 500 ", false).problem()).isEmpty();
        assertThat(new LogPattern(" 5\\d\\d [0-9]", true).problem()).isEmpty();
        assertThat(new LogPattern("", false).problem()).contains("Enter the text or regular expression to look for.");
        assertThat(new LogPattern("a\nb", false).problem()).contains("A log line is one line: the pattern cannot span lines.");
        assertThat(LogSelection.of(KNOWN, List.of(), true, "", "", NOW).checking(null).valid()).isTrue();
    }
}
