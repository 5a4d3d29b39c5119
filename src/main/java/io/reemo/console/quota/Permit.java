package io.reemo.console.quota;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** One unit of a cap, held while the work runs; closing it again does nothing, so every way out may close it. */
public final class Permit implements AutoCloseable {

    private final Runnable release;
    private final AtomicBoolean open = new AtomicBoolean(true);

    /** Quotas hand out permits; a test or a caller outside any cap may make one that releases nothing. */
    public Permit(Runnable release) {
        this.release = release;
    }

    /** A download that holds this permit until it is written, or failed. */
    public StreamingResponseBody holding(StreamingResponseBody body) {
        return out -> {
            try (this) {
                body.writeTo(out);
            }
        };
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            release.run();
        }
    }
}
