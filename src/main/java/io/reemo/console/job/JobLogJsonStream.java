package io.reemo.console.job;

import io.reemo.console.quota.Permit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's live log as JSON server-sent events, for the API ({@code GET /api/v1/jobs/{id}/events}): one event
 * per line ({@code id} = seq, data = the line as JSON), a comment line as heartbeat, and a final {@code end}
 * event with the job's state, after which the stream ends. The job page's twin is {@code jobs.JobLogHtmlStream}.
 */
@Component
public class JobLogJsonStream {

    private final LogFollowers followers;
    private final JsonMapper json;

    JobLogJsonStream(LogFollowers followers, JsonMapper json) {
        this.followers = followers;
        this.json = json;
    }

    /** Opens a stream of the lines after {@code afterSeq}; the permit is given back when it ends, however it ends. */
    public SseEmitter open(long jobId, long afterSeq, Permit permit) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: it ends with the job, or when the client leaves
        followers.follow(jobId, afterSeq, new JsonSink(emitter), permit).closeWith(emitter);
        return emitter;
    }

    private final class JsonSink implements LogSink {
        private final SseEmitter emitter;

        JsonSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void lines(List<LogLine> lines) throws IOException {
            SseText text = new SseText();
            for (LogLine line : lines) {
                text.event(null, Long.toString(line.seq()), json.writeValueAsString(line));
            }
            text.sendTo(emitter);
        }

        @Override
        public void heartbeat() throws IOException {
            new SseText().comment("heartbeat").sendTo(emitter);
        }

        @Override
        public void end(Job job) throws IOException {
            String state = json.writeValueAsString(Map.of("status", job.status(), "lastSeq", job.lastSeq()));
            new SseText().event("end", null, state).sendTo(emitter);
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
