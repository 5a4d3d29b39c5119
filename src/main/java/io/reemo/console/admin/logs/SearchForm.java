package io.reemo.console.admin.logs;

import java.util.List;

/** The log search form, as typed; {@link LogSearchController} checks it. Absent fields are blank, not null. */
record SearchForm(String pattern, boolean regex, String from, String until, List<String> services) {

    SearchForm {
        pattern = pattern == null ? "" : pattern;
        from = from == null ? "" : from;
        until = until == null ? "" : until;
        services = services == null ? List.of() : List.copyOf(services);
    }

    static SearchForm empty() {
        return new SearchForm("", false, "", "", List.of());
    }

    LogPattern logPattern() {
        return new LogPattern(pattern, regex);
    }
}
