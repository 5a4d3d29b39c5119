package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.quota.Permit;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The hand-over from stored to live lines: every line once, in order, whatever the timing. */
class LogFollowTest {

    private static final long JOB = 7;

    /** An in-memory store and a scheduler that runs tasks only when the test says so. */
    private final class FakeHost implements LogFollow.Host {
        final ConcurrentSkipListMap<Long, LogLine> stored = new ConcurrentSkipListMap<>();
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        JobStatus status = JobStatus.RUNNING;
        int reads;
        boolean unsubscribed;

        @Override
        public List<LogLine> read(long jobId, long afterSeq, long upToSeq, int limit) {
            reads++;
            return stored.subMap(afterSeq, false, upToSeq, true).values().stream().limit(limit).toList();
        }

        @Override
        public Job job(long jobId) {
            return job(status, stored.isEmpty() ? 0 : stored.lastKey());
        }

        Job job(JobStatus s, long lastSeq) {
            return new Job(JOB, "facts", 1, "admin", Map.of(), false, s, Instant.now(), null, null, null, lastSeq, List.of());
        }

        @Override
        public void schedule(Runnable task, long delayMillis) {
            tasks.add(task);
        }

        @Override
        public Duration flushInterval() {
            return Duration.ofMillis(50);
        }

        @Override
        public int flushLines() {
            return 1000;
        }

        @Override
        public Duration stalled() {
            return Duration.ofMillis(300);
        }

        @Override
        public void unsubscribe(LogFollow follow) {
            unsubscribed = true;
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }

        List<LogLine> store(long from, long to) {
            List<LogLine> lines = LongStream.rangeClosed(from, to).mapToObj(LogFollowTest::line).toList();
            lines.forEach(l -> stored.put(l.seq(), l));
            return lines;
        }
    }

    private static class RecordingSink implements LogSink {
        final List<Long> seqs = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        Job ended;
        boolean closed;
        int heartbeats;

        @Override
        public void lines(List<LogLine> lines) {
            batchSizes.add(lines.size());
            lines.forEach(l -> seqs.add(l.seq()));
        }

        @Override
        public void heartbeat() {
            heartbeats++;
        }

        @Override
        public void end(Job job) {
            ended = job;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static LogLine line(long seq) {
        return new LogLine(seq, Instant.now(), "s", "node1", LogChannel.STDOUT, "line " + seq);
    }

    private final FakeHost host = new FakeHost();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void replaysTheStoreThenGoesLiveWithoutGapOrDouble() {
        host.store(1, 100);
        LogFollow follow = new LogFollow(JOB, 40, sink, host, new Permit(() -> { }));
        // lines stored and published after the subscription, before its first flush: seen in store and live
        follow.offer(host.store(101, 120));
        follow.schedule(true);
        host.runAll();
        follow.offer(host.store(121, 130));
        host.runAll();

        assertThat(sink.seqs).containsExactlyElementsOf(LongStream.rangeClosed(41, 130).boxed().toList());
    }

    @Test
    void liveLinesThatSkipAheadAreFilledFromTheStore() {
        LogFollow follow = new LogFollow(JOB, 0, sink, host, new Permit(() -> { }));
        host.store(1, 50);
        follow.offer(host.store(51, 60)); // 1..50 were published before it subscribed
        host.runAll();

        assertThat(sink.seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
    }

    @Test
    void aSlowClientPastTheLiveBufferCatchesUpFromTheStore() {
        LogFollow follow = new LogFollow(JOB, 0, sink, host, new Permit(() -> { }));
        int total = LogFollow.MAX_PENDING + 5_000;
        for (long from = 1; from <= total; from += 1000) {
            follow.offer(host.store(from, from + 999)); // nothing flushed meanwhile: the buffer overflows
        }
        host.runAll();

        assertThat(sink.seqs).hasSize(total);
        assertThat(sink.seqs).isSorted().doesNotHaveDuplicates().startsWith(1L);
        assertThat(sink.batchSizes).allMatch(size -> size <= 1000);
    }

    @Test
    void endsAfterTheLastLineWithTheFinalState() throws IOException {
        LogFollow follow = new LogFollow(JOB, 0, sink, host, new Permit(() -> { }));
        follow.offer(host.store(1, 10));
        host.runAll();
        host.store(11, 12); // stored, and the job ended before they were published
        follow.ended(host.job(JobStatus.SUCCEEDED, 12));
        host.runAll();

        assertThat(sink.seqs).hasSize(12);
        assertThat(sink.ended.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sink.closed).isTrue();
        assertThat(host.unsubscribed).isTrue();
    }

    @Test
    void aClientThatResumesAtTheEndGetsOnlyTheEndEvent() {
        host.store(1, 30);
        LogFollow follow = new LogFollow(JOB, 30, sink, host, new Permit(() -> { }));
        follow.ended(host.job(JobStatus.FAILED, 30));
        host.runAll();

        assertThat(sink.seqs).isEmpty();
        assertThat(sink.ended.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aFailingClientEndsTheFollow() {
        LogSink broken = new RecordingSink() {
            @Override
            public void lines(List<LogLine> lines) {
                throw new IllegalStateException("client went away");
            }
        };
        LogFollow follow = new LogFollow(JOB, 0, broken, host, new Permit(() -> { }));
        follow.offer(host.store(1, 5));
        host.runAll();

        assertThat(follow.isClosed()).isTrue();
        assertThat(host.unsubscribed).isTrue();
    }

    @Test
    void aClientThatStopsReadingIsClosedOnceItsSendIsStuckPastTheLimit() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        RecordingSink frozen = new RecordingSink() {
            @Override
            public void lines(List<LogLine> lines) {
                stuck.countDown();
                try {
                    released.await(); // a blocking write to a client that takes nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
                super.close();
                released.countDown(); // as the server's write fails once the stream is completed
            }
        };
        LogFollow follow = new LogFollow(JOB, 0, frozen, host, new Permit(() -> { }));
        follow.offer(host.store(1, 5));
        Thread writer = new Thread(host::runAll);
        writer.start();
        assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();

        follow.heartbeat();
        assertThat(follow.isClosed()).as("a send under way is not yet a stuck one").isFalse();
        Thread.sleep(400);
        follow.heartbeat();

        assertThat(follow.isClosed()).isTrue();
        assertThat(frozen.closed).isTrue();
        assertThat(host.unsubscribed).isTrue();
        writer.join(5_000);
    }

    @Test
    void liveBatchesAreGatheredIntoOneSend() {
        LogFollow follow = new LogFollow(JOB, 0, sink, host, new Permit(() -> { }));
        for (long seq = 1; seq <= 300; seq++) {
            follow.offer(host.store(seq, seq));
        }
        host.runAll();

        assertThat(sink.batchSizes).containsExactly(300);
    }
}
