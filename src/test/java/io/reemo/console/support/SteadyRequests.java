package io.reemo.console.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users at a steady rate, as during an update: a request every {@code 1000 / perSecond} ms through Traefik, each on
 * its own connection, counting the answers that were not the expected page. Stopped, it says how many failed and how.
 */
public final class SteadyRequests implements AutoCloseable {

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    /** Each request on its own thread, so that a slow answer does not delay the next request. */
    private final ExecutorService users = Executors.newFixedThreadPool(16);
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** @param expected what every good answer contains */
    public SteadyRequests(String url, String host, int perSecond, String expected) {
        clock.scheduleAtFixedRate(() -> users.execute(() -> {
            sent.incrementAndGet();
            try {
                String answer = BedInventories.fetch(url, host);
                if (!answer.startsWith("HTTP/1.1 200") && !answer.startsWith("HTTP/1.0 200") || !answer.contains(expected)) {
                    failures.add(System.currentTimeMillis() + " " + answer.lines().findFirst().orElse("(empty answer)"));
                }
            } catch (Exception e) {
                failures.add(System.currentTimeMillis() + " " + e);
            }
        }), 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
    }

    public int sent() {
        return sent.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        clock.shutdown();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        users.shutdown();
        users.awaitTermination(15, TimeUnit.SECONDS);
    }
}
