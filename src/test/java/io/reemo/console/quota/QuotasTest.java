package io.reemo.console.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest {

    private final Quotas quotas = new Quotas(new QuotaProperties(Map.of(Work.LIVE_LOG_VIEW, new Cap(2, 3))));

    @Test
    void aUserAtTheirCapIsRefusedWithWhatToDoAndGetsASlotBackWhenOneCloses() {
        Permit first = quotas.take(Work.LIVE_LOG_VIEW, "otto");
        quotas.take(Work.LIVE_LOG_VIEW, "otto");

        assertThat(quotas.refusal(Work.LIVE_LOG_VIEW, "otto")).hasValueSatisfying(message ->
                assertThat(message).isEqualTo("You have 2 live log views open already, as many as one user may "
                        + "(in other tabs or windows, or a script): close one, then try again."));
        assertThatThrownBy(() -> quotas.take(Work.LIVE_LOG_VIEW, "otto")).isInstanceOf(QuotaExceededException.class);
        assertThat(quotas.refusal(Work.LIVE_LOG_VIEW, "vera")).as("another user is not held back by otto's cap").isEmpty();

        first.close();
        first.close(); // every way out may close it: only the first gives the slot back
        assertThat(quotas.inUse(Work.LIVE_LOG_VIEW)).isEqualTo(1);
        quotas.take(Work.LIVE_LOG_VIEW, "otto");
        assertThat(quotas.inUse(Work.LIVE_LOG_VIEW)).isEqualTo(2);
    }

    @Test
    void theConsoleAtItsTotalRefusesEveryoneAndOtherWorkIsCountedApart() {
        quotas.take(Work.LIVE_LOG_VIEW, "otto");
        quotas.take(Work.LIVE_LOG_VIEW, "otto");
        quotas.take(Work.LIVE_LOG_VIEW, "vera");

        assertThatThrownBy(() -> quotas.take(Work.LIVE_LOG_VIEW, "ada")).isInstanceOf(QuotaExceededException.class)
                .hasMessage("The console serves 3 live log views already, as many as it allows at once: try again when one has ended.");
        assertThat(quotas.refusal(Work.LOG_SEARCH, "ada")).as("searches have their own caps (defaults)").isEmpty();
        assertThat(new QuotaProperties(null).of(Work.JOB_STREAM)).isEqualTo(new Cap(16, 200));
    }

    @Test
    void aDownloadGivesItsSlotBackOnceWrittenEvenWhenWritingFails() {
        Permit permit = quotas.take(Work.DOWNLOAD, "otto");
        assertThatThrownBy(() -> permit.holding(out -> {
            throw new java.io.IOException("client went away");
        }).writeTo(java.io.OutputStream.nullOutputStream())).hasMessage("client went away");

        assertThat(quotas.inUse(Work.DOWNLOAD)).isZero();
    }
}
