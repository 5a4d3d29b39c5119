package io.reemo.console.admin.logs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live view's form as the page shows it.
 *
 * @param streamFrom where the stream starts, fixed when the page was made; {@code null}: nothing to stream yet
 */
public record LiveForm(List<String> services, String from, Map<String, String> problems, Instant streamFrom) {

    static LiveForm none() {
        return new LiveForm(List.of(), "", Map.of(), null);
    }

    public boolean streaming() {
        return streamFrom != null;
    }
}
