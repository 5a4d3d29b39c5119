package io.reemo.console.security.directory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the console signs people in against an LDAP directory or Active Directory: it binds with its own account,
 * searches the user by name, binds as the user with the typed password, then reads the user's groups; the first of
 * the admin, operator and viewer groups the user is in gives the role. Group names are compared without case, as
 * directories do.
 *
 * @param url              {@code ldap://host:389} or {@code ldaps://host:636}
 * @param userSearchBase   below {@code baseDn}, e.g. {@code ou=people}; empty: the whole base
 * @param userSearchFilter {@code {0}} is the typed user name, e.g. {@code (uid={0})} or {@code (sAMAccountName={0})}
 * @param bindPassword     in clear in memory only; stored sealed, never shown
 * @param groupSearchFilter {@code {0}} is the user's DN, {@code {1}} the user name, e.g. {@code (member={0})}
 */
public record DirectorySettings(boolean enabled, String url, String baseDn, String userSearchBase, String userSearchFilter,
                                String bindDn, String bindPassword, String groupSearchBase, String groupSearchFilter,
                                String adminGroup, String operatorGroup, String viewerGroup) {

    public DirectorySettings {
        url = trim(url);
        baseDn = trim(baseDn);
        userSearchBase = trim(userSearchBase);
        userSearchFilter = trim(userSearchFilter);
        bindDn = trim(bindDn);
        bindPassword = bindPassword == null ? "" : bindPassword;
        groupSearchBase = trim(groupSearchBase);
        groupSearchFilter = trim(groupSearchFilter);
        adminGroup = trim(adminGroup);
        operatorGroup = trim(operatorGroup);
        viewerGroup = trim(viewerGroup);
    }

    /** What the form offers before anything is saved: OpenLDAP's usual filters, off. */
    public static DirectorySettings none() {
        return new DirectorySettings(false, "", "", "ou=people", "(uid={0})", "", "", "ou=groups", "(member={0})", "", "", "");
    }

    /** The same settings with another bind password (the stored one, when the form left it empty). */
    DirectorySettings withBindPassword(String password) {
        return new DirectorySettings(enabled, url, baseDn, userSearchBase, userSearchFilter, bindDn, password, groupSearchBase,
                groupSearchFilter, adminGroup, operatorGroup, viewerGroup);
    }

    /** The highest role one of the groups gives, if any does. */
    public Optional<String> roleFor(Collection<String> groups) {
        List<String> names = groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
        if (names.contains(adminGroup.toLowerCase(Locale.ROOT)) && !adminGroup.isEmpty()) {
            return Optional.of("ADMIN");
        }
        if (names.contains(operatorGroup.toLowerCase(Locale.ROOT)) && !operatorGroup.isEmpty()) {
            return Optional.of("OPERATOR");
        }
        if (names.contains(viewerGroup.toLowerCase(Locale.ROOT)) && !viewerGroup.isEmpty()) {
            return Optional.of("VIEWER");
        }
        return Optional.empty();
    }

    /**
     * What is wrong, each naming its field and what to do. A directory that is off may be saved half filled in; one
     * that is on must be complete.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!url.isEmpty() && !validUrl(url)) {
            problems.add("url: give ldap://host:port or ldaps://host:port, without a path (the base DN has its own field).");
        }
        if (!userSearchFilter.isEmpty() && !userSearchFilter.contains("{0}")) {
            problems.add("userSearchFilter: the filter must contain {0}, where the typed user name goes, e.g. (uid={0}).");
        }
        if (!groupSearchFilter.isEmpty() && !groupSearchFilter.contains("{0}") && !groupSearchFilter.contains("{1}")) {
            problems.add("groupSearchFilter: the filter must contain {0} (the user's DN) or {1} (the user name), e.g. (member={0}).");
        }
        if (!enabled) {
            return problems;
        }
        required(problems, "url", url, "the directory's address, e.g. ldaps://ldap.example.com:636");
        required(problems, "baseDn", baseDn, "the directory's base DN, e.g. dc=example,dc=com");
        required(problems, "userSearchFilter", userSearchFilter, "how a user is found, e.g. (uid={0})");
        required(problems, "groupSearchFilter", groupSearchFilter, "how a user's groups are found, e.g. (member={0})");
        if (!bindDn.isEmpty() && bindPassword.isEmpty()) {
            problems.add("bindPassword: give the password of " + bindDn + ", the account the console searches with.");
        }
        if (adminGroup.isEmpty() && operatorGroup.isEmpty() && viewerGroup.isEmpty()) {
            problems.add("adminGroup: name at least one group whose members get a role (admin, operator or viewer).");
        }
        return problems;
    }

    private static void required(List<String> problems, String field, String value, String what) {
        if (value.isEmpty()) {
            problems.add(field + ": give " + what + ".");
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("ldap".equals(uri.getScheme()) || "ldaps".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) && uri.getQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
