package io.reemo.console.security;

import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.Authentication;

/**
 * The console's roles, each including the one below it. Admins do everything (settings, users, secrets, ad-hoc
 * commands, pins); operators run the routine work (update, maintenance, verify, facts, logs and search); viewers
 * read what the console has stored and never make it use a stored credential.
 */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String VIEWER = "VIEWER";

    /** Lowest first: a role includes every role before it. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }

    public static boolean isAdmin(Authentication user) {
        return atLeast(user, ADMIN);
    }

    /** Whether the user holds {@code role} or a role above it. */
    public static boolean atLeast(Authentication user, String role) {
        if (user == null) {
            return false;
        }
        int needed = ALL.indexOf(role);
        return user.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.startsWith("ROLE_") && ALL.indexOf(a.substring(5)) >= needed && needed >= 0);
    }

    /** The same order for Spring Security's {@code hasRole}. */
    static RoleHierarchy hierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(ADMIN).implies(OPERATOR).role(OPERATOR).implies(VIEWER).build();
    }
}
