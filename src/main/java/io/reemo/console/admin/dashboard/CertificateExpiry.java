package io.reemo.console.admin.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * When one certificate the environment relies on stops being valid, and how urgent that is.
 *
 * @param source   where it comes from: the internal PKI, or a cluster's Traefik certificate
 * @param notAfter {@code null} when it could not be read ({@code note} says why)
 */
record CertificateExpiry(String source, String name, Instant notAfter, Level level, String note) {

    /** Less than this before expiry is a warning. */
    static final Duration WARN_AHEAD = Duration.ofDays(30);

    static CertificateExpiry of(String source, String name, Instant notAfter, Instant now) {
        long days = Duration.between(now, notAfter).toDays();
        if (!notAfter.isAfter(now)) {
            long ago = Duration.between(notAfter, now).toDays();
            return new CertificateExpiry(source, name, notAfter, Level.ERROR, ago == 0 ? "expired today" : "expired " + ago + " days ago");
        }
        Level level = Duration.between(now, notAfter).compareTo(WARN_AHEAD) < 0 ? Level.WARN : Level.OK;
        return new CertificateExpiry(source, name, notAfter, level, days == 0 ? "expires within a day" : "expires in " + days + " days");
    }

    public String validUntil() {
        return When.utc(notAfter);
    }

    static CertificateExpiry unreadable(String source, String name, String why) {
        return new CertificateExpiry(source, name, null, Level.ERROR, why);
    }
}
