package io.reemo.console.security;

import io.reemo.console.security.directory.Directory;
import io.reemo.console.security.directory.DirectoryStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: scripts use {@code /api/**} with HTTP Basic or a bearer token (no session, no CSRF); people use the pages
 * with a login form and a session (CSRF on, htmx sends the token as a header), and may use the API with that session
 * too, its CSRF token then required as on the pages.
 */
@Configuration
class SecurityConfig {

    private static final String LOGIN = "/login";

    /**
     * Scripts only from the console's own files: its pages run no inline script and htmx runs without eval (see
     * NoInlineScriptTest). Inline styles stay allowed, for style attributes. Swagger UI loads its initializer from a
     * file too, so one policy fits every answer.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one way to sign in with a password, throttled; Spring's default provider is not made when this exists. */
    @Bean
    AuthenticationProvider signIn(JdbcUserDetailsManager users, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit,
                                  Directory directory, DirectoryStore directorySettings, UserAccounts accounts) {
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(users);
        local.setPasswordEncoder(encoder);
        return new ThrottledSignIn(new PasswordSignIn(local, directory, directorySettings, accounts), throttle, audit, Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, JsonMapper json, Passwords passwords) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfig::byRouteRules)
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(passwords), AuthorizationFilter.class)
                // a person signed in on the pages uses the API too (Swagger UI's "Try it out"): their session is read,
                // never made here, and what it changes needs the session's CSRF token; scripts send credentials instead
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::signedInBySession))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler(new RouteDenial(json)))
                .headers(SecurityConfig::browserHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Passwords passwords, AuditLog audit) throws Exception {
        return http
                .authorizeHttpRequests(SecurityConfig::byRouteRules)
                .addFilterAfter(new PasswordChangeGate(passwords), AuthorizationFilter.class)
                .formLogin(f -> f.loginPage(LOGIN).authenticationDetailsSource(FormSignIn::new).failureHandler(signInRefused())
                        .permitAll())
                .httpBasic(Customizer.withDefaults())
                // Registered before the entry points of the login form and of Basic, so it answers htmx requests
                // whatever they accept; it is then also Spring's fallback, where it acts as the login form's.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HtmxAwareLoginEntryPoint(LOGIN),
                        HtmxAwareLoginEntryPoint.HTMX_REQUEST))
                .requestCache(c -> c.requestCache(pagesToReturnTo()))
                .logout(l -> l.addLogoutHandler(auditedLogout(audit)))
                .headers(SecurityConfig::browserHeaders)
                .build();
    }

    /**
     * A request that changes something and may be signed in by the session cookie alone: without credentials of its
     * own (Basic or bearer, which no other site's page can make a browser send) and with a session.
     */
    private static boolean signedInBySession(HttpServletRequest request) {
        return CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    /**
     * Spring's defaults (nosniff, frame DENY, no caching, HSTS on secure requests) plus the policy above and a referrer
     * that never leaves the console: its URLs name environments and jobs.
     */
    private static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * Each route as {@link RouteRules} says, checked here, before any controller runs; a request no rule names is
     * refused. Async and error dispatches continue a request that was already let in.
     */
    private static void byRouteRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
        a.requestMatchers(RouteRules.OPEN_RESOURCES.toArray(String[]::new)).permitAll();
        for (RouteRules.Rule rule : RouteRules.ROUTES) {
            AuthorizationManager<RequestAuthorizationContext> allowed = switch (rule.access()) {
                case PUBLIC -> (user, request) -> new AuthorizationDecision(true);
                case VIEWER -> role(Roles.VIEWER);
                case OPERATOR -> role(Roles.OPERATOR);
                case ADMIN -> role(Roles.ADMIN);
            };
            if (rule.acting()) {
                allowed = AuthorizationManagers.allOf(allowed,
                        (user, context) -> new AuthorizationDecision(RouteRules.fromOwnPages(context.getRequest())));
            }
            a.requestMatchers(RouteRules.matcher(rule)).access(allowed);
        }
        a.anyRequest().denyAll();
    }

    private static AuthorizationManager<RequestAuthorizationContext> role(String role) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> manager = AuthorityAuthorizationManager.hasRole(role);
        manager.setRoleHierarchy(Roles.hierarchy());
        return manager;
    }

    /** Runs before the session ends, while the user is still known; a sign-out without a session has no one to name. */
    private static LogoutHandler auditedLogout(AuditLog audit) {
        return (request, response, user) -> {
            if (user != null) {
                audit.recordAs(user.getName(), "logout", "address " + request.getRemoteAddr(), null);
            }
        };
    }

    /**
     * A locked sign-in, a directory user whose groups give no role and a directory that did not answer say so on the
     * form; any other failure reads as a wrong name or password (a disabled user included: Spring checks that before the
     * password, so saying it would tell anyone which names exist).
     */
    private static AuthenticationFailureHandler signInRefused() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN + "?locked",
                NoRoleException.class.getName(), LOGIN + "?norole",
                AuthenticationServiceException.class.getName(), LOGIN + "?unanswered"));
        handler.setDefaultFailureUrl(LOGIN + "?error");
        return handler;
    }

    /**
     * After signing in, the operator lands on the page that sent them to the login form: a GET that asks for HTML,
     * never an htmx fragment (it would show alone, without its page) nor a stream.
     */
    private static RequestCache pagesToReturnTo() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(request -> "GET".equals(request.getMethod()), html,
                new NegatedRequestMatcher(HtmxAwareLoginEntryPoint.HTMX_REQUEST)));
        return cache;
    }
}
