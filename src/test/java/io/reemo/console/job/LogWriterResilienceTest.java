package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.secrets.SecretMasker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 16: a line whose storing throws, even an Error, costs only itself; the writer goes on with the next lines. */
class LogWriterResilienceTest {

    private static final long JOB = 7;

    /** Stores in memory; any batch holding a "poison" line throws an Error, as a broken driver or a full heap would. */
    private final List<LogLine> table = new CopyOnWriteArrayList<>();
    private final LogStore store = new LogStore(null, null, null) {
        @Override
        void insert(List<Stored> batch) {
            if (batch.stream().anyMatch(line -> line.line().text().contains("poison"))) {
                throw new StackOverflowError("thrown while storing");
            }
            batch.forEach(line -> table.add(line.line()));
        }
    };
    private final JobsProperties properties = new JobsProperties(null, null, null, null, 1000, 100, null, null, null);
    private final LogWriter writer = new LogWriter(store, new LogFollowers(store, null, properties, new StreamWriters()), new SecretMasker(), properties);

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop();
    }

    @Test
    void aLineThatThrowsIsStoredAsAMarkerAndTheOthersAroundItAreStored() {
        writer.open(JOB, 0);
        writer.append(JOB, "apply", "console", LogChannel.SYSTEM, "before");
        writer.append(JOB, "apply", "console", LogChannel.STDOUT, "poison");
        writer.append(JOB, "apply", "console", LogChannel.SYSTEM, "after");

        assertThat(writer.awaitStored(JOB, 3, Duration.ofSeconds(10))).isTrue();
        assertThat(table).extracting(LogLine::seq).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(table).filteredOn(line -> line.seq() == 2).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("[this line could not be stored (StackOverflowError); it is left out]");
            assertThat(line.stream()).isEqualTo(LogChannel.SYSTEM);
        });

        writer.append(JOB, "apply", "console", LogChannel.SYSTEM, "later");
        assertThat(writer.awaitStored(JOB, 4, Duration.ofSeconds(10))).as("the writer still runs").isTrue();
        assertThat(table).extracting(LogLine::text).contains("before", "after", "later");
    }
}
