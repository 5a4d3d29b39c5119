package io.reemo.console.security.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.stereotype.Component;

/**
 * Checks a user's password against the directory with Spring Security LDAP: a search for the user's entry (as the
 * bind account), a bind as that entry with the typed password, then a search for the groups the entry is a member of.
 * Built from the settings of the moment for each sign-in, so a change on the directory page applies to the next one.
 */
@Component
public class Directory {

    /** A directory that does not answer must not hold a sign-in (and a request thread) for long. */
    private static final Map<String, Object> TIMEOUTS = Map.of(
            "com.sun.jndi.ldap.connect.timeout", "5000", "com.sun.jndi.ldap.read.timeout", "10000");

    /**
     * A user the directory knows, with the password typed.
     *
     * @param groups the names ({@code cn}) of the groups the user is a member of
     * @param role   what the first mapped group gives, if any
     */
    public record DirectoryUser(String username, String dn, List<String> groups, Optional<String> role) {
    }

    /**
     * @throws BadCredentialsException        no such user, a wrong password, or an account the directory disabled
     *                                        (OpenLDAP's password policy lock, Active Directory's disabled flag)
     * @throws AuthenticationServiceException the directory did not answer, or refused the console's own bind account
     */
    public DirectoryUser signIn(DirectorySettings settings, String username, String password) {
        if (password == null || password.isEmpty()) {
            // an empty password is an anonymous bind to most directories, which "succeeds"
            throw new BadCredentialsException("An empty password never signs in.");
        }
        DefaultSpringSecurityContextSource source = contextSource(settings);
        try {
            BindAuthenticator authenticator = new BindAuthenticator(source);
            authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source));
            DirContextOperations entry = authenticator.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            return withGroups(source, settings, username, entry);
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("The directory knows no " + username + ".", e);
        } catch (NamingException e) {
            throw unanswered(settings, e);
        }
    }

    /**
     * The user as the directory has them now, found with the console's bind account, without their password: for
     * calls made with a token, which carry no password to sign in with. Empty when the directory knows no such user.
     *
     * @throws AuthenticationServiceException the directory did not answer, or refused the console's own bind account
     */
    public Optional<DirectoryUser> lookUp(DirectorySettings settings, String username) {
        DefaultSpringSecurityContextSource source = contextSource(settings);
        try {
            DirContextOperations entry = new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source)
                    .searchForUser(username);
            return Optional.of(withGroups(source, settings, username, entry));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        } catch (NamingException e) {
            throw unanswered(settings, e);
        }
    }

    private static DirectoryUser withGroups(DefaultSpringSecurityContextSource source, DirectorySettings settings, String username,
                                            DirContextOperations entry) {
        String dn = entry.getNameInNamespace();
        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(source, settings.groupSearchBase());
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setGroupRoleAttribute("cn");
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);
        List<String> names = groups.getGroupMembershipRoles(dn, username).stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new DirectoryUser(username, dn, names, settings.roleFor(names));
    }

    private static DefaultSpringSecurityContextSource contextSource(DirectorySettings settings) {
        DefaultSpringSecurityContextSource source = new DefaultSpringSecurityContextSource(List.of(settings.url()), settings.baseDn());
        if (!settings.bindDn().isEmpty()) {
            source.setUserDn(settings.bindDn());
            source.setPassword(settings.bindPassword());
        }
        source.setPooled(false);
        source.setBaseEnvironmentProperties(TIMEOUTS);
        source.afterPropertiesSet();
        return source;
    }

    private static AuthenticationServiceException unanswered(DirectorySettings settings, NamingException e) {
        Throwable root = e.getMostSpecificCause();
        String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        String why;
        if (e instanceof org.springframework.ldap.AuthenticationException) {
            why = "refused the console's bind account " + (settings.bindDn().isEmpty() ? "(anonymous)" : settings.bindDn())
                    + ": check it and its password on the directory page";
        } else if (e instanceof org.springframework.ldap.CommunicationException) {
            why = "did not answer (" + cause + "): local users still sign in";
        } else {
            why = "failed the search (" + cause + "): check the bases and filters on the directory page";
        }
        return new AuthenticationServiceException("The directory at " + settings.url() + " " + why + ".", e);
    }
}
