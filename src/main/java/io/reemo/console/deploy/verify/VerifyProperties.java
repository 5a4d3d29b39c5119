package io.reemo.console.deploy.verify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code console.verify.*}.
 *
 * @param interval how often a {@code verify} job runs on each installed environment on its own (when no job runs on
 *                 it); absent or 0 for never, the default
 */
@ConfigurationProperties("console.verify")
record VerifyProperties(Duration interval) {

    VerifyProperties {
        if (interval != null && interval.isNegative()) {
            throw new IllegalArgumentException("console.verify.interval is " + interval
                    + ": give a positive duration such as 10m, or 0 for never");
        }
        interval = interval == null ? Duration.ZERO : interval;
    }

    boolean scheduled() {
        return !interval.isZero();
    }
}
