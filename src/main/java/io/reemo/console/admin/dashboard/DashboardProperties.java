package io.reemo.console.admin.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dashboard reads the nodes ({@code console.dashboard.*}).
 *
 * @param maxAge    a snapshot younger than this is served as it is; older, the next viewer's poll refreshes it
 * @param readWait  how long a poll waits for a refresh before it shows the previous snapshot
 * <p>{@code console.dashboard.idle-close}, how long the sessions the reads go through stay open without a viewer,
 * belongs to the node module, which owns every session's lifetime.
 */
@ConfigurationProperties("console.dashboard")
record DashboardProperties(Duration maxAge, Duration readWait) {

    DashboardProperties {
        maxAge = maxAge == null ? Duration.ofSeconds(4) : maxAge;
        readWait = readWait == null ? Duration.ofSeconds(3) : readWait;
    }
}
