package io.reemo.console.environment;

import io.reemo.console.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/** Viewers look; only administrators change environments or see secrets. */
public final class ApiAccess {

    private ApiAccess() {
    }

    public static boolean isAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
    }

    /** @throws ResponseStatusException 403 naming what was refused */
    public static void requireAdmin(Authentication user, String action) {
        if (!isAdmin(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only administrators may " + action + ".");
        }
    }
}
