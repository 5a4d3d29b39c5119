package io.reemo.console.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a step, or one node's part of a step, stands. */
public enum StepStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED, SKIPPED, INTERRUPTED;

    public boolean isFinished() {
        return this != PENDING && this != RUNNING;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
