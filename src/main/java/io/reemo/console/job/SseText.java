package io.reemo.console.job;

import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events written as text, so that a whole batch of events goes out in one write and one
 * flush (SseEmitter's event builder flushes once per event).
 */
public final class SseText {

    private final StringBuilder text = new StringBuilder(4096);

    /** An event; {@code name} and {@code id} may be {@code null}; multi-line data becomes several data lines. */
    public SseText event(String name, String id, String data) {
        if (id != null) {
            text.append("id:").append(id).append('\n');
        }
        if (name != null) {
            text.append("event:").append(name).append('\n');
        }
        int start = 0;
        int newline;
        while ((newline = data.indexOf('\n', start)) >= 0) {
            text.append("data:").append(data, start, newline).append('\n');
            start = newline + 1;
        }
        text.append("data:").append(data, start, data.length()).append("\n\n");
        return this;
    }

    /** A comment line: ignored by clients, keeps proxies from closing an idle stream. */
    public SseText comment(String comment) {
        text.append(':').append(comment).append("\n\n");
        return this;
    }

    /** Writes everything gathered so far in one write and one flush. */
    public void sendTo(SseEmitter emitter) throws IOException {
        if (!text.isEmpty()) {
            emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(text.toString(), MediaType.TEXT_PLAIN)));
            text.setLength(0);
        }
    }
}
