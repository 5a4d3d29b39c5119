package io.reemo.console.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job stands. The last four are final. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API form ({@code running}) as well as the enum name. */
    public static JobStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
