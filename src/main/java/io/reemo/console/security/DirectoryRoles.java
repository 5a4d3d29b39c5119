package io.reemo.console.security;

import io.reemo.console.security.directory.Directory;
import io.reemo.console.security.directory.DirectorySettings;
import io.reemo.console.security.directory.DirectoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;

/**
 * The role a directory user's groups give them now, for their API tokens: a token carries no password to sign in
 * with, so without this a user taken out of a console group would keep the role of their last sign-in for every
 * token call. Asked of the directory at most once a minute per user (and again at once when the directory settings
 * change); while the directory does not answer, its last answer holds for ten minutes, then the tokens stop working.
 */
@Component
class DirectoryRoles {

    static final Duration FRESH = Duration.ofMinutes(1);
    static final Duration KEPT_WHILE_UNANSWERED = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(DirectoryRoles.class);

    private record Answer(DirectorySettings askedWith, Optional<String> role, Instant at) {
    }

    private final Directory directory;
    private final DirectoryStore settings;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @Autowired
    DirectoryRoles(Directory directory, DirectoryStore settings) {
        this(directory, settings, Clock.systemUTC());
    }

    DirectoryRoles(Directory directory, DirectoryStore settings, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Empty when the directory is off, knows the user no more, gives them no role, or has not answered for long. */
    Optional<String> roleNow(String username) {
        DirectorySettings current = settings.load();
        if (!current.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Answer known = answers.get(username);
        if (known != null && known.askedWith().equals(current) && now.isBefore(known.at().plus(FRESH))) {
            return known.role();
        }
        try {
            Optional<String> role = directory.lookUp(current, username).flatMap(Directory.DirectoryUser::role);
            answers.put(username, new Answer(current, role, now));
            return role;
        } catch (AuthenticationServiceException unanswered) {
            boolean keep = known != null && known.askedWith().equals(current) && now.isBefore(known.at().plus(KEPT_WHILE_UNANSWERED));
            log.warn("{}: {}'s token calls {}", unanswered.getMessage(), username,
                    keep ? "keep the role it gave at " + known.at() : "are refused until it answers");
            return keep ? known.role() : Optional.empty();
        }
    }
}
