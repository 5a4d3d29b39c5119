package io.reemo.console.admin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.servicelogs.LiveLines;
import io.reemo.console.servicelogs.NodeFollow;
import io.reemo.console.servicelogs.NodeState;
import io.reemo.console.servicelogs.SyslogLine;
import io.reemo.console.job.StreamWriters;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One browser's live view, fed as the nodes' follows would feed it, with what it sends captured. */
class LiveViewTest {

    private static final long HEARTBEAT = 10_000_000_000L;

    private final CapturingEmitter emitter = new CapturingEmitter();
    private final SecretMasker masker = new SecretMasker();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Renders a fragment as its name and the messages (or node states) it got, so sends are easy to read. */
    private final LiveLogs.Renderer renderer = (fragment, model) -> fragment.equals("lines")
            ? "dropped=" + model.get("dropped") + " " + ((List<?>) model.get("lines")).stream()
            .map(l -> ((SyslogLine) l).node() + ":" + ((SyslogLine) l).message()).collect(Collectors.joining(","))
            : ((List<?>) model.get("states")).stream().map(s -> ((NodeState) s).node() + "=" + ((NodeState) s).state())
            .collect(Collectors.joining(","));
    private final LiveLines lines = new LiveLines(Set.of("reemo_portal"), masker);
    private final LiveView view = new LiveView(emitter, lines, renderer, v -> closed.set(true), direct());

    /** Writes at once, on the caller's thread, so each flush's send can be read right after it. */
    private static StreamWriters.Gate direct() {
        return new StreamWriters.Gate(Runnable::run, Duration.ofSeconds(20));
    }

    @Test
    void linesOfEveryNodeGoOutTogetherInTimeOrderWithSecretsMasked() {
        masker.register("s3cret-token");
        lines.add(new NodeFollow("node1", lines));
        lines.add(new NodeFollow("node2", lines));
        lines.following("node1", "/var/log/syslog");
        lines.line("node2", "2026-11-26T02:30:02.000000+00:00 node2 reemo_portal[1]: second");
        lines.line("node1", "2026-11-26T02:30:01.000000+00:00 node1 reemo_portal[1]: first token=s3cret-token");

        view.flush(HEARTBEAT);

        assertThat(emitter.sent).hasSize(1);
        assertThat(emitter.sent.get(0))
                .isEqualTo("event:nodes\ndata:node1=following,node2=connecting\n\n"
                        + "event:lines\ndata:dropped=0 node1:first token=******,node2:second\n\n");
        view.flush(HEARTBEAT);
        assertThat(emitter.sent).as("nothing new, no heartbeat due yet").hasSize(1);
        view.flush(0);
        assertThat(emitter.sent.get(1)).isEqualTo(":heartbeat\n\n");
    }

    @Test
    void aFloodKeepsTheNewestLinesAndSaysHowManyWereSkipped() {
        for (int i = 0; i < LiveLines.MAX_PENDING + 3; i++) {
            lines.line("node1", "Nov 26 02:30:01 node1 reemo_portal[1]: line " + i);
        }

        view.flush(HEARTBEAT);

        String sent = emitter.sent.get(0);
        assertThat(sent).contains("data:dropped=3 node1:line 3,").endsWith("node1:line " + (LiveLines.MAX_PENDING + 2) + "\n\n");
    }

    @Test
    void aBrowserThatWentAwayClosesTheViewAndNothingIsSentAfter() {
        lines.add(new NodeFollow("node1", lines));
        emitter.failing = true;
        lines.line("node1", "Nov 26 02:30:01 node1 reemo_portal[1]: lost");

        view.flush(HEARTBEAT);

        assertThat(closed).isTrue();
        assertThat(emitter.completed).isTrue();
        emitter.failing = false;
        lines.line("node1", "Nov 26 02:30:02 node1 reemo_portal[1]: after");
        view.flush(0);
        assertThat(emitter.sent).isEmpty();
    }

    @Test
    void aStoppedNodeIsReportedInWords() {
        List<String> details = new ArrayList<>();
        LiveLines detailedLines = new LiveLines(Set.of(), masker);
        LiveView detailed = new LiveView(emitter, detailedLines,
                (fragment, model) -> {
                    if (fragment.equals("nodes")) {
                        ((List<?>) model.get("states")).forEach(s -> details.add(((NodeState) s).detail()));
                    }
                    return fragment;
                }, v -> { }, direct());
        detailedLines.add(new NodeFollow("node3", detailedLines));
        detailedLines.stopped("node3", "node3 (10.0.0.3:22): cannot connect: Connection refused");

        detailed.flush(HEARTBEAT);

        assertThat(details).containsExactly("node3 (10.0.0.3:22): cannot connect: Connection refused");
    }

    @Test
    void whileASendIsUnderWayLinesWaitAndABrowserThatStoppedReadingIsClosed() throws Exception {
        Deque<Runnable> writes = new ArrayDeque<>();
        StreamWriters.Gate held = new StreamWriters.Gate(writes::add, Duration.ofMillis(200));
        LiveView slow = new LiveView(emitter, lines, renderer, v -> closed.set(true), held);
        lines.add(new NodeFollow("node1", lines));
        lines.line("node1", "Nov 26 02:30:01 node1 reemo_portal[1]: first");
        slow.flush(HEARTBEAT); // its send is handed to a writer that has not run it yet
        lines.line("node1", "Nov 26 02:30:02 node1 reemo_portal[1]: second");

        slow.flush(HEARTBEAT);
        assertThat(writes).as("one send at a time").hasSize(1);
        writes.poll().run();
        assertThat(emitter.sent).hasSize(1);
        slow.flush(HEARTBEAT); // the waiting line goes out next, on a send that never ends: the browser stopped reading
        assertThat(closed).isFalse();
        Thread.sleep(300);
        slow.flush(HEARTBEAT);
        writes.pollLast().run(); // the close, handed to a writer thread too

        assertThat(emitter.sent).hasSize(1);
        assertThat(closed).isTrue();
        assertThat(emitter.completed).isTrue();
    }

    private static final class CapturingEmitter extends SseEmitter {
        final List<String> sent = new ArrayList<>();
        volatile boolean failing;
        volatile boolean completed;

        @Override
        public void send(Set<ResponseBodyEmitter.DataWithMediaType> items) throws IOException {
            if (failing) {
                throw new IOException("Broken pipe");
            }
            items.forEach(item -> sent.add(item.getData().toString()));
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
