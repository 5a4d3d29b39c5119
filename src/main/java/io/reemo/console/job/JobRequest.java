package io.reemo.console.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job to start.
 *
 * @param parameters stored with the job and shown in its history; never put a secret here
 * @param changing   true when the job changes the environment: at most one such job per environment runs at a time
 */
public record JobRequest(String type, long environmentId, String startedBy, Map<String, Object> parameters, boolean changing,
                         List<Step> steps) {

    public JobRequest {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one step");
        }
    }
}
