package io.reemo.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what the signed-in user's role allows, so a page offers only what {@link RouteRules} lets through. */
@ControllerAdvice
class RoleAdvice {

    /**
     * @param operate    start routine jobs, read node logs, ask the registry
     * @param administer settings, the wizard, pins, secrets, users
     */
    record May(boolean operate, boolean administer) {
    }

    @ModelAttribute("may")
    May may(Authentication user) {
        return new May(Roles.atLeast(user, Roles.OPERATOR), Roles.isAdmin(user));
    }
}
