package io.reemo.console.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Local users and their roles (ADMIN, OPERATOR, VIEWER)")
class UserController {

    private final UserAccounts accounts;
    private final Passwords passwords;

    UserController(UserAccounts accounts, Passwords passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    record NewUser(String username, String password, String role) {
    }

    /** @param currentPassword needed when users change their own password */
    record UserChange(String role, Boolean enabled, String password, String currentPassword) {
    }

    @GetMapping
    @Operation(summary = "Every user with their role and whether they are enabled (admin)")
    List<UserAccounts.Account> list() {
        return accounts.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a user (admin): {\"username\": \"ann\", \"password\": \"…\", \"role\": \"ADMIN\"|\"OPERATOR\"|\"VIEWER\"};"
            + " the password needs 12 to 128 characters without the user name; audited")
    UserAccounts.Account create(@RequestBody NewUser user) {
        return accounts.create(user.username(), user.password(), user.role(), false);
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change a user's role, enabled or password (admin; a reset password is changed by its user at the"
            + " next sign-in), or your own password with {\"password\", \"currentPassword\"}, signed in with your password"
            + " (any role); audited. Nobody changes their own role or enabled: the console always keeps an admin.")
    UserAccounts.Account change(@PathVariable String username, @RequestBody UserChange change, Authentication user) {
        if (Roles.isAdmin(user) && !username.equals(user.getName())) {
            return accounts.change(user.getName(), username, change.role(), change.enabled(), change.password());
        }
        if (!username.equals(user.getName())) {
            throw new AccessDeniedException("Only administrators change other users.");
        }
        if (change.role() != null || change.enabled() != null || user instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("You change your own password only, signed in with your password (HTTP Basic):"
                    + " give {\"password\", \"currentPassword\"}; another administrator changes your role or enabled.");
        }
        passwords.change(username, change.currentPassword(), change.password()).ifPresent(refusal -> {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, refusal);
        });
        return accounts.account(username);
    }
}
