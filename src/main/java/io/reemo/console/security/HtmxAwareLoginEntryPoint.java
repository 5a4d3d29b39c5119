package io.reemo.console.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a page's request goes when nobody is signed in (the session ended, the cookie is gone). A page goes to the
 * login form. An htmx request (a polling fragment, a button) must not get that redirect nor a login challenge: htmx
 * would swap the login form into the fragment, or the browser would ask for a password in a dialog of its own. It
 * gets 401 with {@code HX-Redirect} to the login form, and htmx sends the whole window there. (Not {@code HX-Refresh}:
 * reloading a page that answered a form would post the form again.)
 */
final class HtmxAwareLoginEntryPoint implements AuthenticationEntryPoint {

    /** htmx marks each of its requests with this header. */
    static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request", "true");

    private final String loginPage;
    private final AuthenticationEntryPoint loginForm;

    HtmxAwareLoginEntryPoint(String loginPage) {
        this.loginPage = loginPage;
        this.loginForm = new LoginUrlAuthenticationEntryPoint(loginPage);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException, ServletException {
        if (!HTMX_REQUEST.matches(request)) {
            loginForm.commence(request, response, reason);
            return;
        }
        // htmx 2 acts on HX-Redirect before it looks at the status: the window goes, nothing is swapped in.
        response.setHeader("HX-Redirect", request.getContextPath() + loginPage);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
