package io.reemo.console.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The details of a sign-in on the login form, so that {@link ThrottledSignIn} tells it from HTTP Basic's. */
final class FormSignIn extends WebAuthenticationDetails {

    FormSignIn(HttpServletRequest request) {
        super(request);
    }
}
