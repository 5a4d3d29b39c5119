package io.reemo.console.servicelogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.secrets.SecretMasker;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a drain hands over: the lines since the last one, masked and in time order, and the nodes' states once changed. */
class LiveLinesTest {

    private final SecretMasker masker = new SecretMasker();
    private final LiveLines lines = new LiveLines(Set.of("reemo_portal"), masker);

    @Test
    void aDrainMergesTheNodesLinesByTimeAndHandsEachLineOverOnce() {
        masker.register("s3cret");
        lines.add(new NodeFollow("node1", lines));
        lines.line("node2", "2026-11-26T02:30:02.000000+00:00 node2 reemo_portal.1.x3f[7]: second");
        lines.line("node1", "2026-11-26T02:30:01.000000+00:00 node1 reemo_portal[7]: first s3cret");

        LiveLines.Batch batch = lines.drain();

        assertThat(batch.lines()).extracting(SyslogLine::node, SyslogLine::service, SyslogLine::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node1", "reemo_portal", "first ******"),
                        org.assertj.core.groups.Tuple.tuple("node2", "reemo_portal", "second"));
        assertThat(batch.states()).containsExactly(new NodeState("node1", "connecting", ""));
        assertThat(lines.drain().quiet()).isTrue();
    }

    @Test
    void statesComeOnlyWhenOneChangedAndAStopIsMasked() {
        masker.register("hunter2");
        lines.add(new NodeFollow("node1", lines));
        lines.drain();

        lines.stopped("node1", "login refused (password hunter2)");

        assertThat(lines.drain().states()).containsExactly(new NodeState("node1", "stopped", "login refused (password ******)"));
        assertThat(lines.drain().states()).isNull();
    }

    @Test
    void aFollowAddedAfterCloseIsNotTracked() {
        lines.close();
        lines.add(new NodeFollow("node1", lines));

        assertThat(lines.drain().states()).isEmpty();
    }
}
