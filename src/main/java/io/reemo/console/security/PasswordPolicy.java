package io.reemo.console.security;

import java.util.Optional;

/** What a password a person chooses must be; each refusal says what to do instead. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why {@code password} will not do for {@code username}, or nothing when it will. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("password: use " + MIN_LENGTH + " to " + MAX_LENGTH + " characters; a few unrelated words make a"
                    + " long password that is easy to type.");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("password: must not contain the user name.");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("password: use at least 5 different characters.");
        }
        return Optional.empty();
    }
}
