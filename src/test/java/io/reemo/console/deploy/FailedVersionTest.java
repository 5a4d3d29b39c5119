package io.reemo.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Updates page, the job log and the API's refusal say about a version that failed. */
class FailedVersionTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T02:10:00Z");
    private static final TaskFailure EXITED = new TaskFailure("reemo_api", "node2", 1, "task: non-zero exit (1)",
            List.of("api 2.14.1-broken started on 3f2a", "api 2.14.1-broken: broken on purpose, exiting"), null);

    @Test
    void aRolledBackVersionSaysWhichTaskExitedOnWhichNodeWithItsLastLinesAndWhatRunsNow() {
        FailedVersion failure = new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 7, AT, true, "2.14.0", List.of(EXITED));

        assertThat(failure.words()).isEqualTo("api 2.14.1-broken failed (task exited 1 on node2: api 2.14.1-broken started on 3f2a"
                + " / api 2.14.1-broken: broken on purpose, exiting) and was rolled back to 2.14.0");
    }

    @Test
    void swarmsErrorIsSaidWhenItAddsToTheExitCodeAndATaskThatNeverRanSaysOnlyWhy() {
        TaskFailure unhealthy = new TaskFailure("reemo_api", "node3", 137, "task: non-zero exit (137): dockerexec: unhealthy container",
                List.of("listening on 8080"), null);
        TaskFailure rejected = new TaskFailure("reemo_api", "node1", null, "No such image: reg:5000/reemoinfraapi:9.9.9", List.of(), null);

        assertThat(unhealthy.words(false)).isEqualTo("task exited 137 on node3 (dockerexec: unhealthy container): listening on 8080");
        assertThat(rejected.words(false)).isEqualTo("task failed on node1 (No such image: reg:5000/reemoinfraapi:9.9.9)");
    }

    @Test
    void linesFromTheSyslogOrNoneAreSaidAsSuch() {
        TaskFailure fromSyslog = new TaskFailure("reemo_api", "node2", 1, "task: non-zero exit (1)", List.of("broken on purpose"),
                "from node2's syslog: the lines of reemo_api while the task ran");
        TaskFailure unread = new TaskFailure("reemo_api", "node2", 1, "", List.of(), "Docker could not give the output; node2's syslog"
                + " could not be read either: connection refused");

        assertThat(fromSyslog.words(false)).isEqualTo("task exited 1 on node2: broken on purpose"
                + " [from node2's syslog: the lines of reemo_api while the task ran]");
        assertThat(unread.words(false)).isEqualTo("task exited 1 on node2 [Docker could not give the output; node2's syslog"
                + " could not be read either: connection refused]");
    }

    @Test
    void servicesAreNamedWhenSeveralOfOneVersionFailed() {
        TaskFailure signal1 = new TaskFailure("reemo_signal1", "node1", 2, "", List.of("bad config"), null);
        TaskFailure signal2 = new TaskFailure("reemo_signal2", "node2", 2, "", List.of("bad config"), null);

        assertThat(new FailedVersion("DOCKER_VERSION_SIGNAL", "2.6.0", "signal", 9, AT, true, "2.5.3", List.of(signal1, signal2)).words())
                .isEqualTo("signal 2.6.0 failed (reemo_signal1: task exited 2 on node1: bad config; reemo_signal2: task exited 2 on node2:"
                        + " bad config) and was rolled back to 2.5.3");
    }

    @Test
    void withoutARollbackTheWordsSayWhatStillRunsOrThatNothingElseDoes() {
        assertThat(new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 7, AT, false, "2.14.0", List.of(EXITED)).words())
                .endsWith("broken on purpose, exiting); 2.14.0 still runs");
        assertThat(new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 7, AT, false, "2.14.1-broken", List.of(EXITED)).words())
                .endsWith("broken on purpose, exiting)");
        assertThat(new FailedVersion("DOCKER_VERSION_API", "2.14.1-broken", "api", 7, AT, true, "2.14.0", List.of()).words())
                .isEqualTo("api 2.14.1-broken failed (Swarm kept no failed task of it) and was rolled back to 2.14.0");
    }
}
