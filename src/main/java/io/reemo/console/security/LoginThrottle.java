package io.reemo.console.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins in a row, per user name and per client address, and the locks they lead to. A lock ends by itself
 * after {@link LoginProperties#lockout()}; a success clears the user's and the address's count. Kept in memory: a
 * restart forgets the counts, which costs an attacker a restart of the console per round.
 */
@Component
class LoginThrottle {

    /** More names or addresses than this, and those not locked are forgotten: guessing cannot fill the memory. */
    private static final int REMEMBERED = 10_000;

    private record Count(int failures, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final LoginProperties properties;
    private final Map<String, Count> users = new ConcurrentHashMap<>();
    private final Map<String, Count> addresses = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties) {
        this.properties = properties;
    }

    /** Until when the user name or the address is locked, if one is. */
    Optional<Instant> lockedUntil(String user, String address, Instant now) {
        return java.util.stream.Stream.of(users.get(user), address == null ? null : addresses.get(address))
                .filter(count -> count != null && count.lockedAt(now)).map(Count::lockedUntil).max(Instant::compareTo);
    }

    /** Counts a failure; returns the end of the lock it started, if it started one. */
    Optional<Instant> failed(String user, String address, Instant now) {
        Optional<Instant> locked = count(users, user, properties.userFailures(), now);
        if (address != null) {
            Optional<Instant> addressLocked = count(addresses, address, properties.addressFailures(), now);
            locked = locked.or(() -> addressLocked);
        }
        return locked;
    }

    void succeeded(String user, String address) {
        users.remove(user);
        if (address != null) {
            addresses.remove(address);
        }
    }

    private Optional<Instant> count(Map<String, Count> counts, String key, int limit, Instant now) {
        if (counts.size() > REMEMBERED) {
            counts.values().removeIf(count -> !count.lockedAt(now));
        }
        Count count = counts.compute(key, (k, before) -> {
            int failures = before == null || before.lockedUntil() != null && !before.lockedAt(now) ? 1 : before.failures() + 1;
            return new Count(failures, failures >= limit ? now.plus(properties.lockout()) : null);
        });
        return count.failures() == limit ? Optional.of(count.lockedUntil()) : Optional.empty();
    }
}
