package io.reemo.console.admin.logs;

import io.reemo.console.servicelogs.LogPattern;
import java.util.List;

/** The log search form, as typed; {@link LogSearchController} checks it. Absent fields are blank or false, not null. */
public record SearchForm(String pattern, Boolean regex, String from, String until, List<String> services) {

    public SearchForm {
        pattern = pattern == null ? "" : pattern;
        regex = regex != null && regex;
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
