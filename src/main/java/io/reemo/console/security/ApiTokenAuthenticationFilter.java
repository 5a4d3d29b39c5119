package io.reemo.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer rct_…} against the stored hashes of unexpired tokens. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenAuthenticationFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // The owner's account as it is now: a disabled or locked user's tokens are dead, and a token holds the
            // owner's current role, never the one they had when it was issued (a directory user's: their groups' now).
            tokens.owner(header.substring(7).trim()).flatMap(tokens::userDetails).filter(ApiTokenAuthenticationFilter::usable)
                    .ifPresent(user -> SecurityContextHolder.getContext().setAuthentication(new ApiTokenAuthentication(user)));
        }
        chain.doFilter(request, response);
    }

    private static boolean usable(UserDetails user) {
        return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired();
    }
}
