package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WaitNarrationTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final WaitNarration narration = new WaitNarration(lines::add, clock::get);

    @Test
    void aReadingIsSaidOnlyWhenItChanges() {
        narration.progress("reemo_api", "reemo_api: updating, 0/2 replaced");
        narration.progress("reemo_api", "reemo_api: updating, 0/2 replaced");
        narration.progress("reemo_portal", "reemo_portal: 0/2 running");
        narration.progress("reemo_api", "reemo_api: updating, 1/2 replaced");

        assertThat(lines).containsExactly("reemo_api: updating, 0/2 replaced", "reemo_portal: 0/2 running",
                "reemo_api: updating, 1/2 replaced");
    }

    @Test
    void aQuietSecondIsFilledWithHowLongTheWaitHasLasted() {
        narration.progress("reemo_api", "reemo_api: updating, 0/2 replaced");
        clock.addAndGet(500_000_000L);
        narration.ifQuiet(() -> "reemo_api 0/2 replaced");
        assertThat(lines).hasSize(1);

        clock.addAndGet(12_000_000_000L);
        narration.ifQuiet(() -> "reemo_api 0/2 replaced");
        assertThat(lines).last().isEqualTo("still waiting after 12 s: reemo_api 0/2 replaced");
    }

    @Test
    void aLineWrittenElsewhereCountsAsHeard() {
        clock.addAndGet(3_000_000_000L);
        narration.heard();
        narration.ifQuiet(() -> "anything");

        assertThat(lines).isEmpty();
    }
}
