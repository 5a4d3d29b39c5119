package io.reemo.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogSilenceTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theLongestGapIsFoundWithTheLinesAroundIt() {
        String log = """
                2026-12-07T10:00:00.500Z [apply] [console] update service reemo_api
                2026-12-07T10:00:01.000Z [apply] [console] reemo_api: updating, 0/2 replaced
                2026-12-07T10:00:04.250Z [apply] [console] reemo_api: updating, 1/2 replaced
                2026-12-07T10:00:05.000Z [apply] [console] reemo_api: converged, 2/2 running
                """;

        LogSilence silence = LogSilence.longest(START, START.plusSeconds(6), log);

        assertThat(silence.length()).isEqualTo(Duration.ofMillis(3250));
        assertThat(silence.before()).endsWith("0/2 replaced");
        assertThat(silence.after()).endsWith("1/2 replaced");
    }

    @Test
    void theJobsStartAndEndBoundTheSilence() {
        String log = "2026-12-07T10:00:00.100Z [apply] [console] nothing to change\n";

        assertThat(LogSilence.longest(START, START.plusSeconds(9), log).after()).isEqualTo("job end");
        assertThat(LogSilence.longest(START, START.plusSeconds(9), log).length()).isEqualTo(Duration.ofMillis(8900));
    }
}
