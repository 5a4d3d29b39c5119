package io.reemo.console.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.lang.Nullable;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call each route, one line per route as the controllers map it: the filter chains enforce this table
 * before any controller runs (so before anything is read from secrets or stored), refuse whatever it does not
 * name, and {@code RouteRulesTest} fails the build for a mapped route without a line here.
 *
 * <p>The rule of thumb: viewers read what the console stored or reads by itself (dashboards, jobs and their logs,
 * history, environments without secrets); anything that makes the console log in somewhere for the caller (node
 * logs, registry tags, plans over SSH, facts) or starts routine work is for operators; settings, the wizard,
 * environments' creation and change, pins, secrets and ad-hoc commands are for admins. Checks that depend on a
 * request's body stay in the code behind the route (the job type in {@code JobPermissions}, a user changing only
 * their own password).
 */
public final class RouteRules {

    /** Who a rule lets in: everyone (no sign-in), or a role and those above it. */
    public enum Access { PUBLIC, VIEWER, OPERATOR, ADMIN }

    /**
     * @param method        {@code null}: every method (the route is mapped without one)
     * @param pattern       the path pattern exactly as the route is mapped
     * @param flagParameter when set, the rule holds only for requests whose parameter of that name is on (any value
     *                      but false, off, no, 0), and comes before the same route's rule without it
     * @param acting        a GET that makes the console act (commands on the nodes, a registry login, a draft saved):
     *                      refused when another site sent the browser there, since CSRF tokens guard only other methods
     */
    public record Rule(@Nullable HttpMethod method, String pattern, @Nullable String flagParameter, Access access, boolean acting) {
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod PATCH = HttpMethod.PATCH;
    private static final HttpMethod DELETE = HttpMethod.DELETE;

    /** Static files, which no controller maps; open to all. Swagger UI's are static too; the API description it shows is not. */
    static final List<String> OPEN_RESOURCES = List.of("/assets/**", "/webjars/**", "/swagger-ui/**", "/favicon.ico");

    public static final List<Rule> ROUTES = List.of(
            // sign-in, errors and the API's description
            rule(GET, "/login", Access.PUBLIC),
            rule(null, "/error", Access.PUBLIC),
            rule(GET, "/actuator/health", Access.PUBLIC),
            rule(GET, "/actuator/health/**", Access.PUBLIC),
            rule(GET, "/actuator", Access.VIEWER),
            rule(GET, "/v3/api-docs", Access.VIEWER),
            rule(GET, "/v3/api-docs.yaml", Access.VIEWER),
            rule(GET, "/v3/api-docs/swagger-config", Access.VIEWER),
            rule(GET, "/swagger-ui.html", Access.VIEWER),

            // every user's own page, password and API tokens
            rule(GET, "/account", Access.VIEWER),
            rule(GET, "/account/password", Access.VIEWER),
            rule(POST, "/account/password", Access.VIEWER),
            rule(POST, "/account/tokens", Access.VIEWER),
            rule(POST, "/account/tokens/{id}/revoke", Access.VIEWER),

            // environments list and dashboard: stored records and the console's own shared readings
            rule(GET, "/", Access.VIEWER),
            rule(GET, "/environments/{id}", Access.VIEWER),
            rule(GET, "/environments/{id}/glance", Access.VIEWER),
            rule(GET, "/environments/{id}/versions", Access.VIEWER),
            rule(GET, "/environments/{id}/banner", Access.VIEWER),
            rule(GET, "/environments/{id}/dashboard/live", Access.VIEWER),
            rule(GET, "/environments/{id}/dashboard/drift", Access.VIEWER),
            rule(GET, "/environments/{id}/dashboard/verify", Access.VIEWER),
            rule(GET, "/environments/{id}/history", Access.VIEWER),
            rule(GET, "/environments/{id}/inventory.yml", Access.VIEWER),
            rule(POST, "/environments/{id}/verify", Access.OPERATOR),
            rule(POST, "/environments/{id}/drift/restore", Access.ADMIN),
            rule(POST, "/environments/{id}/drift/accept", Access.ADMIN),

            // updates: the page shows what is recorded; the registry is asked with the stored login
            rule(GET, "/environments/{id}/updates", Access.VIEWER),
            acting(GET, "/environments/{id}/updates/versions", Access.OPERATOR),
            acting(GET, "/environments/{id}/updates/plan", Access.OPERATOR),
            rule(POST, "/environments/{id}/updates", Access.OPERATOR),

            // maintenance
            rule(GET, "/environments/{id}/maintenance", Access.VIEWER),
            rule(POST, "/environments/{id}/maintenance", Access.OPERATOR),

            // node logs: every request runs commands on the nodes with the stored SSH login
            rule(GET, "/environments/{id}/logs", Access.OPERATOR),
            acting(GET, "/environments/{id}/logs/search", Access.OPERATOR),
            acting(GET, "/environments/{id}/logs/stream", Access.OPERATOR),
            acting(GET, "/environments/{id}/logs/download", Access.OPERATOR),

            // jobs and their (masked) logs
            rule(GET, "/jobs", Access.VIEWER),
            rule(GET, "/jobs/{id}", Access.VIEWER),
            rule(GET, "/jobs/{id}/lines", Access.VIEWER),
            rule(GET, "/jobs/{id}/search", Access.VIEWER),
            rule(GET, "/jobs/{id}/stream", Access.VIEWER),
            rule(GET, "/jobs/{id}/log", Access.VIEWER),
            rule(POST, "/jobs/{id}/cancel", Access.OPERATOR),

            // settings and the wizard: they hold and use every secret of an environment
            rule(GET, "/environments/{id}/settings", Access.ADMIN),
            rule(POST, "/environments/{id}/settings/edit", Access.ADMIN),
            rule(POST, "/environments/{id}/settings/rebase", Access.ADMIN),
            rule(GET, "/wizard", Access.ADMIN),
            rule(GET, "/wizard/drafts", Access.ADMIN),
            rule(POST, "/wizard", Access.ADMIN),
            rule(POST, "/wizard/import", Access.ADMIN),
            rule(GET, "/wizard/{id}/{slug:license|registry|database|portals|certificates|options}", Access.ADMIN),
            rule(POST, "/wizard/{id}/{slug:license|registry|database|portals|certificates|options}", Access.ADMIN),
            rule(POST, "/wizard/{id}/{slug}/check/{input}", Access.ADMIN),
            rule(GET, "/wizard/{id}/topology", Access.ADMIN),
            rule(POST, "/wizard/{id}/topology", Access.ADMIN),
            rule(POST, "/wizard/{id}/delete", Access.ADMIN),
            rule(GET, "/wizard/{id}/nodes", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes/continue", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes/{name}/remove", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes/{name}/probe", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes/{name}/pin", Access.ADMIN),
            rule(POST, "/wizard/{id}/nodes/{name}/facts", Access.ADMIN),
            acting(GET, "/wizard/{id}/nodes/{name}/facts/{jobId}", Access.ADMIN),
            rule(POST, "/wizard/{id}/registry/test", Access.ADMIN),
            acting(GET, "/wizard/{id}/registry/tags", Access.ADMIN),
            rule(POST, "/wizard/{id}/database/test", Access.ADMIN),
            rule(POST, "/wizard/{id}/certificates/upload", Access.ADMIN),
            rule(PUT, "/wizard/{id}/registry/archive", Access.ADMIN),
            rule(GET, "/wizard/{id}/review", Access.ADMIN),
            acting(GET, "/wizard/{id}/plan", Access.ADMIN),
            rule(POST, "/wizard/{id}/install", Access.ADMIN),
            rule(POST, "/wizard/{id}/adopt", Access.ADMIN),
            rule(POST, "/wizard/{id}/apply", Access.ADMIN),

            // API: environments (JSON never holds a secret's value)
            rule(GET, "/api/v1/environments", Access.VIEWER),
            rule(POST, "/api/v1/environments", Access.ADMIN),
            rule(POST, "/api/v1/environments/import", Access.ADMIN),
            rule(GET, "/api/v1/environments/{id}", Access.VIEWER),
            rule(PUT, "/api/v1/environments/{id}", Access.ADMIN),
            rule(DELETE, "/api/v1/environments/{id}", Access.ADMIN),
            rule(GET, "/api/v1/environments/{id}/revisions", Access.VIEWER),
            rule(GET, "/api/v1/environments/{id}/revisions/{number}", Access.VIEWER),
            rule(GET, "/api/v1/environments/{id}/validation", Access.VIEWER),
            flagged(GET, "/api/v1/environments/{id}/inventory", "secrets", Access.ADMIN),
            rule(GET, "/api/v1/environments/{id}/inventory", Access.VIEWER),
            rule(GET, "/api/v1/environments/{id}/nodes/{name}/host-key", Access.VIEWER),
            rule(POST, "/api/v1/environments/{id}/nodes/{name}/host-key/probe", Access.ADMIN),
            rule(PUT, "/api/v1/environments/{id}/nodes/{name}/host-key", Access.ADMIN),
            rule(GET, "/api/v1/environments/{id}/drift", Access.VIEWER),
            rule(POST, "/api/v1/environments/{id}/drift/accept", Access.ADMIN),
            rule(GET, "/api/v1/environments/{id}/plan", Access.OPERATOR),
            rule(POST, "/api/v1/environments/{id}/plan", Access.OPERATOR),

            // API: jobs (the type's own role is checked by JobPermissions before anything is planned or stored)
            rule(POST, "/api/v1/environments/{environmentId}/jobs", Access.OPERATOR),
            rule(GET, "/api/v1/jobs", Access.VIEWER),
            rule(GET, "/api/v1/jobs/{id}", Access.VIEWER),
            rule(GET, "/api/v1/jobs/{id}/log", Access.VIEWER),
            rule(GET, "/api/v1/jobs/{id}/events", Access.VIEWER),
            rule(POST, "/api/v1/jobs/{id}/cancel", Access.OPERATOR),

            // API: users (everyone may PATCH their own password; UserController refuses the rest to non-admins)
            rule(GET, "/api/v1/users", Access.ADMIN),
            rule(POST, "/api/v1/users", Access.ADMIN),
            rule(PATCH, "/api/v1/users/{username}", Access.VIEWER),

            // the Users page: UserAccounts keeps an admin from changing themselves
            rule(GET, "/users", Access.ADMIN),
            rule(POST, "/users", Access.ADMIN),
            rule(POST, "/users/{username}", Access.ADMIN),

            // LDAP / Active Directory sign-in: its bind account's password, and a trial that checks someone's password
            rule(GET, "/directory", Access.ADMIN),
            rule(POST, "/directory", Access.ADMIN),
            rule(POST, "/directory/try", Access.ADMIN),
            rule(GET, "/api/v1/directory", Access.ADMIN),
            rule(PUT, "/api/v1/directory", Access.ADMIN),

            // the certificate of the console's own HTTPS: its private key is sealed with the master key
            rule(GET, "/console-certificate", Access.ADMIN),
            rule(POST, "/console-certificate", Access.ADMIN),
            rule(POST, "/console-certificate/own", Access.ADMIN),
            rule(GET, "/api/v1/console-certificate", Access.ADMIN),
            rule(PUT, "/api/v1/console-certificate", Access.ADMIN),
            rule(DELETE, "/api/v1/console-certificate", Access.ADMIN),

            // the audit trail names users, hosts and what was run on them
            rule(GET, "/audit", Access.ADMIN),
            rule(GET, "/api/v1/audit", Access.ADMIN),

            // API: the caller's own tokens
            rule(GET, "/api/v1/tokens", Access.VIEWER),
            rule(POST, "/api/v1/tokens", Access.VIEWER),
            rule(DELETE, "/api/v1/tokens/{id}", Access.VIEWER));

    private static final Set<String> OFF = Set.of("false", "off", "no", "0");

    private RouteRules() {
    }

    /** The rule for a mapped route and, if any, its flag parameter: the table's line, or none. */
    public static Optional<Rule> of(@Nullable HttpMethod method, String pattern, @Nullable String flagParameter) {
        return ROUTES.stream().filter(r -> Objects.equals(r.method(), method) && r.pattern().equals(pattern)
                && Objects.equals(r.flagParameter(), flagParameter)).findFirst();
    }

    /** Who the first rule that matches this request lets in, said for people ("operators and administrators"). */
    static String needed(HttpServletRequest request) {
        return ROUTES.stream().filter(rule -> matcher(rule).matches(request)).findFirst()
                .map(rule -> switch (rule.access()) {
                    case PUBLIC -> "everyone";
                    case VIEWER -> "every signed-in user";
                    case OPERATOR -> "operators and administrators";
                    case ADMIN -> "administrators only";
                })
                .orElse("nobody (the console does not serve it)");
    }

    /** The requests a rule is about: its method and pattern, and its flag parameter when it has one. */
    static RequestMatcher matcher(Rule rule) {
        RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
        if (rule.flagParameter() == null) {
            return path;
        }
        return new AndRequestMatcher(path, request -> isOn(request.getParameter(rule.flagParameter())));
    }

    /** As Spring binds a boolean: absent, empty, false, off, no and 0 are off. */
    private static boolean isOn(@Nullable String value) {
        return value != null && !value.isBlank() && !OFF.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static Rule rule(@Nullable HttpMethod method, String pattern, Access access) {
        return new Rule(method, pattern, null, access, false);
    }

    private static Rule acting(HttpMethod method, String pattern, Access access) {
        return new Rule(method, pattern, null, access, true);
    }

    private static Rule flagged(HttpMethod method, String pattern, String parameter, Access access) {
        return new Rule(method, pattern, parameter, access, false);
    }

    /**
     * Whether the browser says the request comes from the console's own pages, or from no page at all (typed, a
     * bookmark); clients that send no {@code Sec-Fetch-Site} (scripts, older browsers) are taken at their word.
     */
    static boolean fromOwnPages(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site == null || "same-origin".equals(site) || "none".equals(site);
    }
}
