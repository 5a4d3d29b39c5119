package io.reemo.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a user whose password the console made up (and printed in its log) at the password page until they choose
 * their own: pages lead there, the API refuses with a problem detail saying so.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    private static final String PAGE = "/account/password";
    /** What the password page itself needs. */
    private static final List<String> OPEN = List.of(PAGE, "/assets/", "/webjars/", "/favicon.ico", "/error");

    private final Passwords passwords;

    PasswordChangeGate(Passwords passwords) {
        this.passwords = passwords;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user == null || user instanceof AnonymousAuthenticationToken || OPEN.stream().anyMatch(path::startsWith)
                || !passwords.changeRequired(user.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/")) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"Change the password the console made"
                    + " up first: sign in to the console's pages, which lead to " + PAGE + ".\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
