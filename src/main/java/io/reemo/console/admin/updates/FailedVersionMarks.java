package io.reemo.console.admin.updates;

import io.reemo.console.deploy.FailedVersion;
import java.util.List;

/** The versions that failed on this environment, as the versions table marks them: by row and version. */
record FailedVersionMarks(List<FailedVersion> failures) {

    FailedVersionMarks {
        failures = List.copyOf(failures);
    }

    /** The failures of the row's version variable, newest first. */
    public List<FailedVersion> of(VersionRow row) {
        return failures.stream().filter(failure -> failure.variable().equals(row.variable())).toList();
    }

    /** The failure of that version of the row, or {@code null} when it did not fail. */
    public FailedVersion failed(VersionRow row, String version) {
        return of(row).stream().filter(failure -> failure.version().equals(version)).findFirst().orElse(null);
    }
}
