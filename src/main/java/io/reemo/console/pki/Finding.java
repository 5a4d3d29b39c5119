package io.reemo.console.pki;

import java.util.List;

/**
 * One result of checking certificate material, worded for the operator: which certificate, what is wrong,
 * what to do. Never holds key material.
 */
public record Finding(Severity severity, String message) {

    public enum Severity {
        /** The material cannot be used as it is. */
        ERROR,
        /** Usable now, but needs attention (expiry soon, names only in the CN…). */
        WARNING,
        /** What was found, for the operator to confirm (subject, issuer, validity). */
        INFO
    }

    static Finding error(String message) {
        return new Finding(Severity.ERROR, message);
    }

    static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }

    static Finding info(String message) {
        return new Finding(Severity.INFO, message);
    }

    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
