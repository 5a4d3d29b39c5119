package io.reemo.console.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long {@link ViewerSessions} keep a session nobody reads through. The dashboard is their viewer, so the setting
 * keeps the name it has always had: {@code console.dashboard.idle-close} (2 min).
 */
@ConfigurationProperties("console.dashboard")
record ViewerSessionProperties(Duration idleClose) {

    ViewerSessionProperties {
        idleClose = idleClose == null ? Duration.ofMinutes(2) : idleClose;
    }
}
