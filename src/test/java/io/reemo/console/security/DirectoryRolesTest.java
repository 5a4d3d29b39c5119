package io.reemo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.security.directory.Directory;
import io.reemo.console.security.directory.DirectorySettings;
import io.reemo.console.security.directory.DirectoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;

/** How long a directory's answer about a token owner's role holds, asked and unanswered. */
class DirectoryRolesTest {

    private static final DirectorySettings ON = new DirectorySettings(true, "ldap://10.0.0.9", "dc=x", "ou=people", "(uid={0})",
            "", "", "ou=groups", "(member={0})", "admins", "operators", "viewers");

    private final Directory directory = mock(Directory.class);
    private final DirectoryStore store = mock(DirectoryStore.class);
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final DirectoryRoles roles = new DirectoryRoles(directory, store, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private static Optional<Directory.DirectoryUser> in(String group) {
        return Optional.of(new Directory.DirectoryUser("otto", "uid=otto", List.of(group), ON.roleFor(List.of(group))));
    }

    @Test
    void theDirectoryIsAskedAtMostOnceAMinuteAndItsNewAnswerCountsAfter() {
        when(store.load()).thenReturn(ON);
        when(directory.lookUp(ON, "otto")).thenReturn(in("operators"), in("staff"));

        assertThat(roles.roleNow("otto")).hasValue("OPERATOR");
        now = now.plusSeconds(30);
        assertThat(roles.roleNow("otto")).as("still fresh").hasValue("OPERATOR");
        now = now.plusSeconds(31);
        assertThat(roles.roleNow("otto")).as("taken out of the console's groups").isEmpty();
        verify(directory, times(2)).lookUp(eq(ON), eq("otto"));
    }

    @Test
    void whileTheDirectoryDoesNotAnswerItsLastAnswerHoldsTenMinutesThenTokensStop() {
        when(store.load()).thenReturn(ON);
        when(directory.lookUp(any(), eq("otto"))).thenReturn(in("viewers"))
                .thenThrow(new AuthenticationServiceException("The directory at ldap://10.0.0.9 did not answer"));

        assertThat(roles.roleNow("otto")).hasValue("VIEWER");
        now = now.plus(Duration.ofMinutes(9));
        assertThat(roles.roleNow("otto")).hasValue("VIEWER");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(roles.roleNow("otto")).isEmpty();
    }

    @Test
    void changedSettingsAreAskedAtOnceAndADirectorySwitchedOffGivesNoRole() {
        DirectorySettings remapped = new DirectorySettings(true, ON.url(), ON.baseDn(), ON.userSearchBase(), ON.userSearchFilter(),
                "", "", ON.groupSearchBase(), ON.groupSearchFilter(), "admins", "nobody", "operators");
        when(store.load()).thenReturn(ON, remapped, DirectorySettings.none());
        when(directory.lookUp(ON, "otto")).thenReturn(in("operators"));
        when(directory.lookUp(remapped, "otto")).thenReturn(Optional.of(new Directory.DirectoryUser("otto", "uid=otto",
                List.of("operators"), remapped.roleFor(List.of("operators")))));

        assertThat(roles.roleNow("otto")).hasValue("OPERATOR");
        assertThat(roles.roleNow("otto")).hasValue("VIEWER");
        assertThat(roles.roleNow("otto")).isEmpty();
    }
}
