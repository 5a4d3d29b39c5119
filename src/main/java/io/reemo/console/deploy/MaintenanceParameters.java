package io.reemo.console.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code maintenance}: {@code enable} true shows the maintenance page, false restores the portal (stored either way). */
public record MaintenanceParameters(@JsonInclude(JsonInclude.Include.ALWAYS) boolean enable) implements JobParameters {
}
