package io.reemo.console.admin.dashboard;

import java.util.Locale;

/** How a row of the dashboard looks: fine, worth a look, or wrong (red). */
enum Level {
    OK, WARN, ERROR;

    /** The CSS class of console.css badges and alerts. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Level worst(Level a, Level b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
