package io.reemo.console.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;

/** A caller signed in with a bearer token, told apart from a password sign-in: a token cannot mint tokens. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final UserDetails user;

    ApiTokenAuthentication(UserDetails user) {
        super(user.getAuthorities());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return user;
    }
}
