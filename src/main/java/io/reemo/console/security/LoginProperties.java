package io.reemo.console.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling ({@code console.login.*}).
 *
 * @param userFailures    failed sign-ins in a row that lock a user name (20)
 * @param addressFailures failed sign-ins in a row from one client address that lock that address, whatever names it
 *                        tries (100)
 * @param lockout         how long a lock lasts; it ends by itself (15 min)
 */
@ConfigurationProperties("console.login")
public record LoginProperties(Integer userFailures, Integer addressFailures, Duration lockout) {

    public LoginProperties {
        userFailures = userFailures == null ? 20 : userFailures;
        addressFailures = addressFailures == null ? 100 : addressFailures;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
