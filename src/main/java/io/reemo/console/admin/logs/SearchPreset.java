package io.reemo.console.admin.logs;

import io.reemo.console.catalogue.Component;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's documented ad-hoc searches (platform.md §4.17) as one-click buttons. The role greps every
 * line of the file; here they run on the services' lines, so "Traefik 5xx" needs no {@code _traefik} grep.
 */
public enum SearchPreset {
    TRAEFIK_5XX("traefik-5xx", "Traefik 5xx", "\" 5[0-9][0-9] [0-9]", List.of(Component.TRAEFIK.serviceName())),
    HTTP_500("http-500", "HTTP 500", " 500 [0-9]", List.of());

    private final String id;
    private final String label;
    private final String pattern;
    /** None: every service. */
    private final List<String> services;

    SearchPreset(String id, String label, String pattern, List<String> services) {
        this.id = id;
        this.label = label;
        this.pattern = pattern;
        this.services = services;
    }

    static Optional<SearchPreset> byId(String id) {
        return Arrays.stream(values()).filter(preset -> preset.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The search form as if the operator had typed it: the pattern is a regular expression, no time bound. */
    SearchForm form() {
        return new SearchForm(pattern, true, "", "", services);
    }
}
