package io.reemo.console.environment;

import java.util.Optional;

/** An SMTP login as {@code EXIM_PASSWORD} holds it: {@code <smtp server>:<user>:<password>} (the password may hold colons). */
public record SmtpLogin(String server, String user, String password) {

    /** Empty unless the value is text of three parts. */
    public static Optional<SmtpLogin> of(Object value) {
        String[] parts = value instanceof String text ? text.split(":", 3) : new String[0];
        return parts.length == 3 ? Optional.of(new SmtpLogin(parts[0], parts[1], parts[2])) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SmtpLogin[" + server + ", " + user + "]";
    }
}
