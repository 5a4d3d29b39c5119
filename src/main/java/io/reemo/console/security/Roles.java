package io.reemo.console.security;

import org.springframework.security.core.Authentication;

/** The console's roles. Admins change servers and run ad-hoc commands; viewers only look. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }

    public static boolean isAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + ADMIN).equals(a.getAuthority()));
    }
}
