package io.reemo.console.admin.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dashboard reads the nodes ({@code console.dashboard.*}).
 *
 * @param maxAge    a snapshot younger than this is served as it is; older, the next viewer's poll refreshes it
 * @param readWait  how long a poll waits for a refresh before it shows the previous snapshot
 * @param idleClose SSH connections kept for the dashboard are closed when no viewer polled for this long
 */
@ConfigurationProperties("console.dashboard")
record DashboardProperties(Duration maxAge, Duration readWait, Duration idleClose) {

    DashboardProperties {
        maxAge = maxAge == null ? Duration.ofSeconds(4) : maxAge;
        readWait = readWait == null ? Duration.ofSeconds(3) : readWait;
        idleClose = idleClose == null ? Duration.ofMinutes(2) : idleClose;
    }
}
