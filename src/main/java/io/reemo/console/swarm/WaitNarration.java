package io.reemo.console.swarm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a job's log from going quiet while the console waits on Swarm: a task reading that changed is said at once, and
 * after a second with nothing new, how long the wait has lasted and where each service stands. An operator watching an
 * update sees it move, or sees that it does not. Safe to call from the thread of a Docker stream and the job's at once.
 */
public final class WaitNarration {

    /** Polled every second, a wait is never silent for much more than this. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final Consumer<String> log;
    private final LongSupplier nanoTime;
    private final long start;
    private final Map<String, String> lastSaid = new HashMap<>();
    private long lastLine;

    public WaitNarration(Consumer<String> log) {
        this(log, System::nanoTime);
    }

    WaitNarration(Consumer<String> log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
    }

    /** Says the reading if it is not the one last said for its service. */
    public void progress(TaskProgress reading) {
        progress(reading.service(), reading.text());
    }

    /** Says {@code text} if it is not what was last said of {@code subject}. */
    public synchronized void progress(String subject, String text) {
        if (!text.equals(lastSaid.put(subject, text))) {
            say(text);
        }
    }

    /** A line someone else wrote to the log (an outcome): the log was not quiet. */
    public synchronized void heard() {
        lastLine = nanoTime.getAsLong();
    }

    /** After a quiet second, how long the wait has lasted (still waiting after 12 s) and the summary. */
    public synchronized void ifQuiet(Supplier<String> summary) {
        long now = nanoTime.getAsLong();
        if (now - lastLine >= QUIET.toNanos()) {
            say("still waiting after " + Duration.ofNanos(now - start).toSeconds() + " s: " + summary.get());
        }
    }

    private void say(String line) {
        log.accept(line);
        heard();
    }
}
