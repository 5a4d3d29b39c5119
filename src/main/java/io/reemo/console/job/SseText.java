package io.reemo.console.job;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events written as text, so that a whole batch of events goes out in one write and one
 * flush (SseEmitter's event builder flushes once per event).
 */
public final class SseText {

    private static final Pattern LINE_END = Pattern.compile("\\r\\n|\\r|\\n");

    private final StringBuilder text = new StringBuilder(4096);

    /**
     * An event; {@code name} and {@code id} may be {@code null}; multi-line data becomes several data lines. A line
     * ends at CR LF, LF or a lone CR, as an EventSource reads it: a CR left inside a data line (progress output of a
     * node, or a hostile one) would end it there, and what follows could pose as the job's {@code end} event.
     */
    public SseText event(String name, String id, String data) {
        if (id != null) {
            text.append("id:").append(id).append('\n');
        }
        if (name != null) {
            text.append("event:").append(name).append('\n');
        }
        for (String line : LINE_END.split(data, -1)) {
            text.append("data:").append(line).append('\n');
        }
        text.append('\n');
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
