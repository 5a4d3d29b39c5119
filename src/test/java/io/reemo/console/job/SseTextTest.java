package io.reemo.console.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** L1 of the security review: what a node prints must stay data, whatever line ends it holds. */
class SseTextTest {

    /** One event as an EventSource dispatches it: its type and its data lines joined with LF. */
    private record Event(String type, String id, String data) {
    }

    @Test
    void aBareCrInALogLineCannotEndTheEventNorForgeAnother() {
        SseText text = new SseText().event("lines", "41", "10%\r20%\r\revent:end\rdata:succeeded\r\rid:x\r\nretry:99999\nlast");
        List<Event> events = asAnEventSourceReads(written(text));
        assertThat(events).containsExactly(new Event("lines", "41",
                "10%\n20%\n\nevent:end\ndata:succeeded\n\nid:x\nretry:99999\nlast"));
    }

    @Test
    void plainMultiLineDataIsUnchanged() {
        assertThat(written(new SseText().event(null, null, "a\nb"))).isEqualTo("data:a\ndata:b\n\n");
    }

    private static String written(SseText text) {
        return ReflectionTestUtils.getField(text, "text").toString();
    }

    /** The HTML standard's event-stream interpretation: lines end at CR LF, LF or CR; a blank line dispatches. */
    private static List<Event> asAnEventSourceReads(String stream) {
        List<Event> events = new ArrayList<>();
        String type = null;
        String id = null;
        StringBuilder data = null;
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(type == null ? "message" : type, id, data.toString()));
                }
                type = null;
                data = null;
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder(line.substring(5)) : data.append('\n').append(line.substring(5));
            } else if (line.startsWith("event:")) {
                type = line.substring(6);
            } else if (line.startsWith("id:")) {
                id = line.substring(3);
            }
        }
        return events;
    }
}
