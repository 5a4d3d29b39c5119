package io.reemo.console.jobs;

import io.reemo.console.job.Job;
import io.reemo.console.job.LogFollowers;
import io.reemo.console.job.LogLine;
import io.reemo.console.job.LogSink;
import io.reemo.console.job.SseText;
import io.reemo.console.quota.Permit;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A job's live log as HTML server-sent events, for the job page ({@code /jobs/{id}/stream}): fragments rendered
 * from templates/jobs/fragments.html, for the htmx SSE extension. {@code lines} (id = last seq, appended to the log), {@code state} (progress
 * and steps) and the final {@code end} (the status badge), after which the page closes the stream.
 */
@Component
class JobLogHtmlStream {

    static final String FRAGMENTS = "jobs/fragments";

    private final LogFollowers followers;
    private final ITemplateEngine templates;

    JobLogHtmlStream(LogFollowers followers, ITemplateEngine templates) {
        this.followers = followers;
        this.templates = templates;
    }

    /** Follows the job's log after {@code afterSeq}; the permit is given back when the stream ends, however it ends. */
    SseEmitter open(long jobId, long afterSeq, Permit permit) {
        SseEmitter emitter = new SseEmitter(0L); // ends with the job or when the page goes away
        followers.follow(jobId, afterSeq, new HtmlSink(emitter), permit).closeWith(emitter);
        return emitter;
    }

    String render(String fragment, Map<String, Object> model) {
        return templates.process(FRAGMENTS, Set.of(fragment), new Context(Locale.ROOT, model)).strip();
    }

    private final class HtmlSink implements LogSink {
        private final SseEmitter emitter;

        HtmlSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void lines(List<LogLine> lines) throws IOException {
            String html = render("lines", Map.of("lines", LogLineView.of(lines)));
            new SseText().event("lines", Long.toString(lines.get(lines.size() - 1).seq()), html).sendTo(emitter);
        }

        @Override
        public void jobChanged(Job job) throws IOException {
            new SseText().event("state", null, render("state", Map.of("job", job))).sendTo(emitter);
        }

        @Override
        public void heartbeat() throws IOException {
            new SseText().comment("heartbeat").sendTo(emitter);
        }

        @Override
        public void end(Job job) throws IOException {
            new SseText()
                    .event("state", null, render("state", Map.of("job", job)))
                    .event("end", null, render("badge", Map.of("job", job)))
                    .sendTo(emitter);
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
