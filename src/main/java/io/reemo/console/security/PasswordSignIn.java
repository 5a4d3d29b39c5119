package io.reemo.console.security;

import io.reemo.console.security.directory.Directory;
import io.reemo.console.security.directory.DirectorySettings;
import io.reemo.console.security.directory.DirectoryStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Whose password is checked where: a local user's against its hash here, always, so that local administrators sign
 * in when the directory is down (break-glass) and no directory entry can take a local name over; any other name
 * against the directory when it is on. A directory user's role is what their groups give at this sign-in.
 */
class PasswordSignIn implements AuthenticationProvider {

    private final AuthenticationProvider local;
    private final Directory directory;
    private final DirectoryStore settings;
    private final UserAccounts accounts;

    PasswordSignIn(AuthenticationProvider local, Directory directory, DirectoryStore settings, UserAccounts accounts) {
        this.local = local;
        this.directory = directory;
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String typed = attempt.getName();
        Optional<UserAccounts.Account> exact = accounts.find(typed);
        if (isLocal(exact) || !UserAccounts.validName(typed)) {
            return local.authenticate(attempt);
        }
        DirectorySettings current = settings.load();
        if (!current.enabled()) {
            return local.authenticate(attempt);
        }
        // directories compare names without case: one console user per directory user, however it was typed
        String username = typed.toLowerCase(Locale.ROOT);
        Optional<UserAccounts.Account> known = username.equals(typed) ? exact : accounts.find(username);
        if (isLocal(known)) {
            return local.authenticate(attempt);
        }
        if (known.filter(account -> !account.enabled()).isPresent()) {
            throw new DisabledException(username + " is disabled in the console.");
        }
        Directory.DirectoryUser user = directory.signIn(current, username, String.valueOf(attempt.getCredentials()));
        String role = user.role().orElseThrow(() -> new NoRoleException(username + " is in none of the directory groups"
                + " the console gives a role to (" + String.join(", ", user.groups()) + ")."));
        accounts.signedInFromDirectory(username, role);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        User principal = new User(username, "", authorities);
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    private static boolean isLocal(Optional<UserAccounts.Account> account) {
        return account.filter(known -> !known.fromDirectory()).isPresent();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
