package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * H3 of the security review: the wizard pins host keys for admins only, replaces a pinned key only when the dialog's
 * confirmation says so, checks the form of the key, and audits every pin with both keys.
 */
class HostKeyPinTest extends ConsoleApiTest {

    private static final String PINNED = "SHA256:" + "A".repeat(43);
    private static final String PRESENTED = "SHA256:" + "B".repeat(43);

    @Autowired
    private Environments environments;
    @Autowired
    private WizardDrafts drafts;

    private Draft settings;

    @BeforeEach
    void anInstalledEnvironmentWithPinnedKeys() {
        Environment installed = environments.save(Fixtures.cluster(), Fixtures.BY_TEST);
        environments.pinHostKey(installed.id(), "infra1", PINNED, false, "test");
        settings = drafts.edit(environments.current(installed.id()));
        db.sql("DELETE FROM audit_event").update();
    }

    @Test
    void viewersAndOperatorsPinNothing() throws Exception {
        for (RequestPostProcessor user : new RequestPostProcessor[] {viewer(), operator()}) {
            pin("infra1", PRESENTED, true, user).andExpect(status().isForbidden());
        }
        assertThat(pinOf(drafts.require(settings.id()), "infra1")).isEqualTo(PINNED);
        assertThat(audited()).isEmpty();
    }

    @Test
    void replacingAPinnedKeyNeedsTheConfirmationAndIsAuditedWithBothKeys() throws Exception {
        pin("infra1", PRESENTED, false, admin()).andExpect(status().isConflict());
        assertThat(pinOf(drafts.require(settings.id()), "infra1")).isEqualTo(PINNED);

        pin("infra1", PRESENTED, true, admin()).andExpect(status().is3xxRedirection());
        assertThat(pinOf(drafts.require(settings.id()), "infra1")).isEqualTo(PRESENTED);
        assertThat(audited()).containsExactly("admin host-key.replace " + PRESENTED + " replaces " + PINNED);
    }

    @Test
    void aNodeWhoseAddressChangedStillNeedsTheConfirmationAgainstTheInstalledKey() throws Exception {
        mvc.perform(post("/wizard/" + settings.id() + "/nodes").with(admin()).with(csrf()).param("name", "infra1")
                .param("address", "10.0.0.99").param("authKind", "PASSWORD").param("password", "pw"));
        assertThat(pinOf(drafts.require(settings.id()), "infra1")).as("another address clears the draft's pin").isNull();

        pin("infra1", PRESENTED, false, admin()).andExpect(status().isConflict());
        pin("infra1", PRESENTED, true, admin()).andExpect(status().is3xxRedirection());
        assertThat(audited()).containsExactly("admin host-key.replace " + PRESENTED + " replaces " + PINNED);
    }

    @Test
    void aFirstPinIsAuditedAndAMalformedKeyIsRefused() throws Exception {
        pin("infra2", "SHA256:short; id", false, admin()).andExpect(status().isBadRequest());
        assertThat(pinOf(drafts.require(settings.id()), "infra2")).isNull();

        pin("infra2", PRESENTED, false, admin()).andExpect(status().is3xxRedirection());
        assertThat(pinOf(drafts.require(settings.id()), "infra2")).isEqualTo(PRESENTED);
        assertThat(audited()).containsExactly("admin host-key.pin " + PRESENTED);
    }

    private org.springframework.test.web.servlet.ResultActions pin(String node, String sha256, boolean replace,
                                                                     RequestPostProcessor user) throws Exception {
        return mvc.perform(post("/wizard/" + settings.id() + "/nodes/" + node + "/pin").with(user).with(csrf())
                .param("sha256", sha256).param("replace", String.valueOf(replace)));
    }

    private static String pinOf(Draft draft, String node) {
        return draft.environment().node(node).orElseThrow().hostKeySha256();
    }

    private List<String> audited() {
        return db.sql("SELECT username || ' ' || action || ' ' || detail FROM audit_event WHERE action LIKE 'host-key.%' ORDER BY id")
                .query(String.class).list();
    }
}
