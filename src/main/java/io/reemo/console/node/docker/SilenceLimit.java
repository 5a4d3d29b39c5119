package io.reemo.console.node.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Bounds every Docker call by how long the daemon may stay silent: waiting for the answer, or for the next bytes of
 * a streamed one (a pull's progress), never longer than the limit; an upload's own progress counts too. docker-java's
 * response timeout cannot do this here: it is a socket timeout, which its UNIX sockets ignore (they read through a
 * {@code SocketChannel}). So a watchdog interrupts a read that waited too long, which closes that one connection's
 * channel and fails the call with a {@link SocketTimeoutException} saying so.
 */
final class SilenceLimit implements DockerHttpClient {

    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final DockerHttpClient http;
    private final String node;
    private final long limitNanos;

    SilenceLimit(DockerHttpClient http, String node, Duration limit) {
        this.http = http;
        this.node = node;
        this.limitNanos = limit.toNanos();
    }

    @Override
    public Response execute(Request request) {
        Watch watch = new Watch();
        try {
            Request watched = request.bodyBytes() == null && request.body() != null
                    ? Request.builder().from(request).body(new Progress(request.body(), watch)).build() : request;
            return new WatchedResponse(http.execute(watched));
        } catch (RuntimeException e) {
            if (watch.stop()) {
                throw new UncheckedIOException(silence(e));
            }
            throw e;
        } finally {
            watch.stop();
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private SocketTimeoutException silence(Exception cause) {
        SocketTimeoutException timeout = new SocketTimeoutException("Docker on " + node + " sent nothing for "
                + Duration.ofNanos(limitNanos).toSeconds() + " s (console.node.docker-call-timeout): the call was stopped");
        timeout.addSuppressed(cause);
        return timeout;
    }

    /** Interrupts the thread that made it once it saw no progress for the limit, unless stopped first. */
    private final class Watch implements Runnable {
        private final Thread thread = Thread.currentThread();
        private volatile long lastProgress = System.nanoTime();
        private ScheduledFuture<?> alarm;
        private boolean stopped;
        private volatile boolean fired;

        Watch() {
            synchronized (this) {
                alarm = WATCHDOG.schedule(this, limitNanos, TimeUnit.NANOSECONDS);
            }
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        @Override
        public synchronized void run() {
            if (stopped) {
                return;
            }
            long quiet = System.nanoTime() - lastProgress;
            if (quiet < limitNanos) {
                alarm = WATCHDOG.schedule(this, limitNanos - quiet, TimeUnit.NANOSECONDS);
                return;
            }
            fired = true;
            thread.interrupt();
        }

        /**
         * Idempotent. The first stop takes back the interrupt the watch sent, if it went off, so the thread goes on cleanly.
         *
         * @return whether it went off
         */
        boolean stop() {
            boolean takeBack;
            synchronized (this) {
                takeBack = fired && !stopped;
                stopped = true;
                alarm.cancel(false);
            }
            if (takeBack) {
                Thread.interrupted();
            }
            return fired;
        }
    }

    /** A request body being uploaded: each read is progress. */
    private static final class Progress extends FilterInputStream {
        private final Watch watch;

        Progress(InputStream in, Watch watch) {
            super(in);
            this.watch = watch;
        }

        @Override
        public int read() throws IOException {
            watch.progress();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            watch.progress();
            return super.read(buffer, offset, length);
        }
    }

    private final class WatchedResponse implements Response {
        private final Response response;
        private InputStream body;

        WatchedResponse(Response response) {
            this.response = response;
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return response.getHeaders();
        }

        @Override
        public synchronized InputStream getBody() {
            if (body == null) {
                body = new WatchedBody(response.getBody());
            }
            return body;
        }

        @Override
        public void close() {
            response.close();
        }
    }

    /** An answer's body: each read may wait for the limit, no longer. */
    private final class WatchedBody extends FilterInputStream {

        WatchedBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            Watch watch = new Watch();
            try {
                return super.read();
            } catch (IOException e) {
                throw watch.stop() ? silence(e) : e;
            } finally {
                watch.stop();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Watch watch = new Watch();
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw watch.stop() ? silence(e) : e;
            } finally {
                watch.stop();
            }
        }
    }

    private static ScheduledExecutorService watchdog() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("docker-call-watchdog-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, threads);
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }
}
