package io.reemo.console.security;

import java.time.OffsetDateTime;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every user's own page: their role, the way to their password, and their API tokens, issued and revoked by
 * {@link ApiTokens} (which audits both). Pages take no bearer token, so a token never issues another here.
 */
@Controller
class AccountPageController {

    static final String PAGE = "account/account";
    private static final String TOKENS = PAGE + " :: tokens";

    private final ApiTokens tokens;
    private final UserAccounts accounts;

    AccountPageController(ApiTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String page(Authentication user, Model model) {
        return show(null, user, model);
    }

    /** The new token is in this answer only: the console keeps its hash. */
    @PostMapping("/account/tokens")
    String issue(@RequestParam(required = false) String name, @RequestParam(required = false) Integer days,
                 Authentication user, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        try {
            model.addAttribute("issued", tokens.issue(user.getName(), name, days == null ? ApiTokens.DEFAULT_DAYS : days));
        } catch (IllegalArgumentException refused) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("tokenName", name);
            model.addAttribute("tokenDays", days);
        }
        return show(htmx, user, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        if (tokens.revoke(user.getName(), id)) {
            model.addAttribute("done", "Token " + id + " is revoked: requests that present it are refused from now on.");
        } else {
            model.addAttribute("refusal", "token: you have no token " + id + "; it may be revoked already.");
        }
        return show(htmx, user, model);
    }

    /** The whole page, or only the tokens (with their forms) for htmx. */
    private String show(String htmx, Authentication user, Model model) {
        model.addAttribute("tokens", tokens.list(user.getName()));
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
        model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
        model.addAttribute("maxNameLength", ApiTokens.MAX_NAME_LENGTH);
        if (htmx != null) {
            return TOKENS;
        }
        model.addAttribute("account", accounts.account(user.getName()));
        return PAGE;
    }
}
