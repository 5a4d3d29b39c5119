package io.reemo.console.security.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectorySettingsTest {

    private static DirectorySettings on(String url, String userFilter, String bindDn, String bindPassword, String admins) {
        return new DirectorySettings(true, url, "dc=example,dc=com", "ou=people", userFilter, bindDn, bindPassword, "ou=groups",
                "(member={0})", admins, "Ops", "");
    }

    @Test
    void theHighestRoleOfTheUsersGroupsWinsComparedWithoutCase() {
        DirectorySettings settings = on("ldap://ldap:389", "(uid={0})", "", "", "Console-Admins");
        assertThat(settings.roleFor(List.of("staff", "ops"))).contains("OPERATOR");
        assertThat(settings.roleFor(List.of("ops", "console-admins"))).contains("ADMIN");
        assertThat(settings.roleFor(List.of("staff"))).isEmpty();
        // an unmapped role is no group: a user in a group named "" gets nothing
        assertThat(settings.roleFor(List.of(""))).isEmpty();
    }

    @Test
    void aDirectoryThatIsOnMustBeCompleteAndEachProblemNamesItsField() {
        assertThat(on("ldap://ldap.example.com:389", "(uid={0})", "cn=console", "secret", "admins").problems()).isEmpty();
        assertThat(on("http://ldap.example.com", "(uid={0})", "", "", "admins").problems())
                .singleElement().asString().startsWith("url: give ldap://host:port or ldaps://host:port");
        assertThat(on("ldaps://ldap.example.com:636/dc=example", "(uid={0})", "", "", "admins").problems())
                .singleElement().asString().contains("without a path");
        assertThat(on("ldap://ldap:389", "(uid=ann)", "", "", "admins").problems())
                .singleElement().asString().startsWith("userSearchFilter: the filter must contain {0}");
        assertThat(on("ldap://ldap:389", "(uid={0})", "cn=console", "", "admins").problems())
                .singleElement().asString().startsWith("bindPassword: give the password of cn=console");
        assertThat(new DirectorySettings(true, "ldap://ldap:389", "dc=x", "", "(uid={0})", "", "", "", "(member={0})", "", "", "")
                .problems()).singleElement().asString().startsWith("adminGroup: name at least one group");
        assertThat(new DirectorySettings(true, "", "", "", "", "", "", "", "", "", "", "").problems())
                .extracting(p -> p.substring(0, p.indexOf(':')))
                .contains("url", "baseDn", "userSearchFilter", "groupSearchFilter", "adminGroup");
    }

    @Test
    void aDirectoryThatIsOffMayBeSavedHalfFilledIn() {
        assertThat(DirectorySettings.none().problems()).isEmpty();
        assertThat(new DirectorySettings(false, "ldap://ldap:389", "", "", "(uid={0})", "cn=console", "", "", "(member={0})", "", "", "")
                .problems()).isEmpty();
    }
}
