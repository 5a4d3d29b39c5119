package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.reemo.console.security.RouteRules.Access;
import io.reemo.console.security.RouteRules.Rule;
import io.reemo.console.support.ConsoleApiTest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the application maps (read from Spring's handler mappings, so a new controller method is in here
 * without anyone adding it) × signed out, viewer, operator and admin, against {@link RouteRules}: a route without a
 * line there fails, a role the line lets in must not be refused, and a role it keeps out is refused (403; 401 or the
 * login form when signed out) before the controller runs.
 */
class RouteRulesTest extends ConsoleApiTest {

    /** A signed-in caller of the test, or nobody. */
    private record Caller(String name, Access role, RequestPostProcessor login) {
    }

    /** One mapped method and pattern, and the flag parameter of a rule that narrows it. */
    private record Route(HttpMethod method, String pattern, String flag) {
        @Override
        public String toString() {
            return (method == null ? "ANY" : method.name()) + " " + pattern + (flag == null ? "" : "?" + flag + "=true");
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}|]+)[^}]*)?}");
    /** Values for path variables: ids that name nothing, so an admitted request reads nothing and changes nothing. */
    private static final Map<String, String> VALUES = Map.of("name", "node1", "slug", "license", "input", "x", "number", "1",
            "username", "nobody-here");

    @Autowired
    private Collection<RequestMappingInfoHandlerMapping> mappings;

    @Test
    void everyMappedRouteHasARule() {
        List<String> missing = mapped().stream().filter(r -> RouteRules.of(r.method(), r.pattern(), null).isEmpty())
                .map(Route::toString).toList();
        assertThat(missing).as("mapped routes without a line in RouteRules").isEmpty();
    }

    @Test
    void everyRuleNamesAMappedRoute() {
        List<Route> mapped = mapped();
        List<String> stale = RouteRules.ROUTES.stream()
                .filter(rule -> mapped.stream().noneMatch(r -> java.util.Objects.equals(r.method(), rule.method())
                        && r.pattern().equals(rule.pattern())))
                .map(rule -> rule.method() + " " + rule.pattern()).toList();
        assertThat(stale).as("rules for routes nothing maps").isEmpty();
    }

    @Test
    void eachRoleGetsExactlyWhatItsRuleSays() throws Exception {
        List<Caller> callers = List.of(new Caller("signed out", null, r -> r),
                new Caller("viewer", Access.VIEWER, viewer()),
                new Caller("operator", Access.OPERATOR, operator()),
                new Caller("admin", Access.ADMIN, admin()));
        List<String> wrong = new ArrayList<>();
        for (Route route : withFlags(mapped())) {
            Rule rule = RouteRules.of(route.method(), route.pattern(), route.flag()).orElseThrow();
            for (Caller caller : callers) {
                MockHttpServletResponse answer = mvc.perform(call(route, caller)).andReturn().getResponse();
                String expected = expected(rule, caller, route);
                if (!answers(expected, answer)) {
                    wrong.add(route + " as " + caller.name() + ": expected " + expected + ", got " + answer.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** L6 of the security review: a GET that makes the console act runs only when the console's own page asked. */
    @Test
    void getsThatActAreRefusedWhenAnotherSiteSentTheBrowser() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RouteRules.ROUTES.stream().filter(Rule::acting).toList()) {
            Route route = new Route(rule.method(), rule.pattern(), null);
            for (String site : List.of("cross-site", "same-site", "same-origin", "none")) {
                int status = mvc.perform(call(route, new Caller("admin", Access.ADMIN, admin())).header("Sec-Fetch-Site", site))
                        .andReturn().getResponse().getStatus();
                boolean refused = status == 403;
                if (refused != site.contains("site")) {
                    wrong.add(route + " from " + site + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(RouteRules.ROUTES.stream().filter(Rule::acting).map(Rule::pattern))
                .contains("/environments/{id}/logs/search", "/wizard/{id}/registry/tags", "/wizard/{id}/plan");
    }

    private static String expected(Rule rule, Caller caller, Route route) {
        boolean allowed = rule.access() == Access.PUBLIC
                || caller.role() != null && caller.role().ordinal() >= rule.access().ordinal();
        if (allowed) {
            return "let in";
        }
        return caller.role() != null ? "403" : route.pattern().startsWith("/api/") ? "401" : "sign-in";
    }

    private static boolean answers(String expected, MockHttpServletResponse answer) {
        int status = answer.getStatus();
        return switch (expected) {
            case "let in" -> status != 401 && status != 403;
            case "sign-in" -> status == 401 || status == 302 && "/login".equals(answer.getRedirectedUrl());
            default -> status == Integer.parseInt(expected);
        };
    }

    private MockHttpServletRequestBuilder call(Route route, Caller caller) {
        HttpMethod method = route.method() == null ? HttpMethod.GET : route.method();
        MockHttpServletRequestBuilder request = request(method, concrete(route.pattern())).accept(MediaType.TEXT_HTML, MediaType.ALL)
                .with(caller.login());
        if (route.flag() != null) {
            request.param(route.flag(), "true");
        }
        return method == HttpMethod.GET ? request : request.with(csrf());
    }

    private static String concrete(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern.replace("/**", "/x"));
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = variable.group(2) != null ? variable.group(2) : VALUES.getOrDefault(variable.group(1), "424242");
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(path).toString();
    }

    private List<Route> mapped() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add(new Route(null, pattern, null));
                    }
                    methods.forEach(m -> routes.add(new Route(m.asHttpMethod(), pattern, null)));
                }
            }
        }
        return routes;
    }

    private static List<Route> withFlags(List<Route> routes) {
        List<Route> all = new ArrayList<>(routes);
        RouteRules.ROUTES.stream().filter(r -> r.flagParameter() != null)
                .forEach(r -> all.add(new Route(r.method(), r.pattern(), r.flagParameter())));
        return all;
    }
}
