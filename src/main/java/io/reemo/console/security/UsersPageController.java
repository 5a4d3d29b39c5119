package io.reemo.console.security;

import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Users page (admins, by its route rule): every user, a form to make one and, per user, their role, enabled and a
 * password reset. {@link UserAccounts} checks and audits each change; htmx swaps the list, refusals included.
 */
@Controller
class UsersPageController {

    static final String PAGE = "users/users";
    private static final String LIST = PAGE + " :: users";
    /** What a refusal of the new-user form is about, as a row's is about its user. */
    private static final String NEW_USER = "";

    /** Why a form was refused, shown by that form: the new-user one ({@link #NEW_USER}) or a user's row. */
    record Refusal(String about, String message) {
    }

    private final UserAccounts accounts;

    UsersPageController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    String page(Model model) {
        return show(null, model);
    }

    /** The password is the admin's to hand over, so its user chooses their own at their first sign-in. */
    @PostMapping("/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String password,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        boolean made = act(NEW_USER, () -> accounts.create(username, password, role, true), model);
        if (made) {
            model.addAttribute("done", username + " can sign in now, as " + role + ", and chooses their own password then.");
        } else {
            model.addAttribute("newUsername", username);
            model.addAttribute("newRole", role);
        }
        return show(htmx, model);
    }

    /** One change per form: a role, enabled, or a new password (which its user replaces at their next sign-in). */
    @PostMapping("/users/{username}")
    String change(@PathVariable String username, @RequestParam(required = false) String role,
                  @RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String password,
                  Authentication admin, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (act(username, () -> accounts.change(admin.getName(), username, role, enabled, password), model)) {
            model.addAttribute("done", done(username, role, enabled, password));
        }
        return show(htmx, model);
    }

    /** Runs a change, keeping its refusal for the form that asked; whether it was made. */
    private static boolean act(String about, Supplier<UserAccounts.Account> change, Model model) {
        try {
            change.get();
            return true;
        } catch (ResponseStatusException refused) {
            model.addAttribute("refusal", new Refusal(about, refused.getReason()));
            return false;
        }
    }

    private static String done(String username, String role, Boolean enabled, String password) {
        if (password != null) {
            return username + "'s password was reset: give it to them; they choose their own at their next sign-in.";
        }
        if (enabled != null) {
            return username + (enabled ? " is enabled." : " is disabled: their sign-ins and API tokens are refused.");
        }
        return role != null ? username + " is " + role + " now." : username + " is unchanged.";
    }

    /** The whole page, or only the list (with its forms) for htmx. */
    private String show(String htmx, Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Roles.ALL);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return htmx != null ? LIST : PAGE;
    }
}
