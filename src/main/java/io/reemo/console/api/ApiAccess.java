package io.reemo.console.api;

import io.reemo.console.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** Viewers look; only administrators change environments or see secrets. */
final class ApiAccess {

    private ApiAccess() {
    }

    /** @throws ResponseStatusException 403 naming what was refused */
    static void requireAdmin(Authentication user, String action) {
        if (!Roles.isAdmin(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators may " + action + ".");
        }
    }
}
