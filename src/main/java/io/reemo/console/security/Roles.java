package io.reemo.console.security;

/** The console's roles. Admins change servers and run ad-hoc commands; viewers only look. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
