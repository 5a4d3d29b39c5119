package io.reemo.console.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password sign-in (the form, and HTTP Basic on both doors) through {@link LoginThrottle}: a locked user name
 * or client address is refused before the password is even hashed, so guessing costs no CPU either; failures and
 * locks are audited under the name that was tried. A successful sign-in on the form is always audited; over HTTP Basic,
 * which signs a script in on every request, once per user and address every {@link #RECORD_QUIET}, so that polling
 * does not flood the trail.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    static final Duration RECORD_QUIET = Duration.ofMinutes(10);

    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Instant> recorded = new ConcurrentHashMap<>();

    ThrottledSignIn(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit, Clock clock) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String user = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Instant now = clock.instant();
        Optional<Instant> locked = throttle.lockedUntil(user, address, now);
        if (locked.isPresent()) {
            throw new LockedException("Too many failed sign-ins: signing in as " + user + " or from " + address
                    + " is locked until " + locked.get().truncatedTo(ChronoUnit.SECONDS) + " (UTC); it unlocks by itself.");
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            recordSignIn(user, address, attempt.getDetails() instanceof FormSignIn, now);
            throttle.succeeded(user, address);
            return signedIn;
        } catch (BadCredentialsException e) {
            audit.recordAs(user, "login.failed", "address " + address, null);
            throttle.failed(user, address, now).ifPresent(until ->
                    audit.recordAs(user, "login.locked", "address " + address, "locked until " + until.truncatedTo(ChronoUnit.SECONDS)));
            throw e;
        } catch (AuthenticationException e) {
            // the password was right, or never checked: a disabled user, one without a role, a directory that did not answer
            audit.recordAs(user, "login.failed", "address " + address, e.getMessage());
            throw e;
        }
    }

    private void recordSignIn(String user, String address, boolean onTheForm, Instant now) {
        String key = user + " " + address;
        Instant last = recorded.get(key);
        if (onTheForm || last == null || !now.isBefore(last.plus(RECORD_QUIET))) {
            recorded.put(key, now);
            audit.recordAs(user, "login", "address " + address, null);
            recorded.values().removeIf(at -> now.isAfter(at.plus(RECORD_QUIET)));
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
