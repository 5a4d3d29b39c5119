package io.reemo.console.environment.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.FieldChange;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.Revision;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.StaleRevisionException;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.support.ConsoleApiTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JdbcEnvironmentsTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private SecretMasker masker;

    @Test
    void anEnvironmentComesBackAsItWasSavedWithItsSecretsEncryptedInTheDocument() {
        Environment saved = environments.save(Fixtures.dedicated(), Fixtures.BY_TEST);

        assertThat(environments.get(saved.id())).isEqualTo(saved);
        String document = db.sql("SELECT document FROM environment WHERE id = ?").param(saved.id()).query(String.class).single();
        assertThat(document).doesNotContain("reemohmac", "registry-password", Fixtures.LICENSE, "OPENSSH")
                .contains("\"PORTAL_TYPE\":\"admin\"", "\"HMACSECRET\":\"v1:k");
        assertThat(masker.mask("hmac is reemohmac")).as("decrypted values are masked").isEqualTo("hmac is ******");
    }

    @Test
    void theLoginsBuiltOutOfSecretsAreMaskedInTheirOtherFormsToo() {
        Environment exim = Fixtures.withAll(Fixtures.single(), "EXIM_PASSWORD", "smtp.example.org:mailer:smtp-pass-123");
        environments.save(exim, Fixtures.BY_TEST);

        String basic = Base64.getEncoder().encodeToString("customer:registry-password".getBytes(StandardCharsets.UTF_8));
        assertThat(masker.mask("Authorization: Basic " + basic)).isEqualTo("Authorization: Basic ******");
        assertThat(masker.mask("passwd.client: *:mailer:smtp-pass-123")).isEqualTo("passwd.client: *:******");
        assertThat(masker.mask("login mailer / smtp-pass-123")).isEqualTo("login mailer / ******");
    }

    @Test
    void aSecretInsideAMapVariableIsEncryptedInTheDocumentAndMasked() {
        Environment ldap = Fixtures.withAll(Fixtures.single(), "LDAP",
                Map.of("host", "ldap.example.org", "bind_password", "ldap-bind-secret"));
        Environment saved = environments.save(ldap, Fixtures.BY_TEST);

        String document = db.sql("SELECT document FROM environment WHERE id = ?").param(saved.id()).query(String.class).single();
        assertThat(document).doesNotContain("ldap-bind-secret").contains("\"bind_password\":\"v1:k", "ldap.example.org");
        assertThat(environments.get(saved.id()).vars()).containsEntry("LDAP",
                Map.of("host", "ldap.example.org", "bind_password", "ldap-bind-secret"));
        assertThat(masker.mask("bind with ldap-bind-secret")).isEqualTo("bind with ******");
    }

    @Test
    void factsAreRecordedOnTheirNode() {
        long id = environments.save(Fixtures.single(), Fixtures.BY_TEST).id();
        NodeFacts facts = new NodeFacts(Instant.now().truncatedTo(ChronoUnit.MILLIS), "infra1", "Debian", "12", 4, 8192,
                120, "20.10.24", "active", "manager", "abc");

        environments.recordFacts(id, "infra1", facts, Fixtures.BY_TEST);

        assertThat(environments.get(id).node("infra1").orElseThrow().facts()).isEqualTo(facts);
        assertThatThrownBy(() -> environments.recordFacts(id, "nope", facts, Fixtures.BY_TEST)).isInstanceOf(EnvironmentNotFoundException.class);
    }

    @Test
    void namesAreUniqueAndUnknownIdsAreNotFound() {
        environments.save(Fixtures.single(), Fixtures.BY_TEST);
        assertThatThrownBy(() -> environments.save(Fixtures.single(), Fixtures.BY_TEST))
                .isInstanceOf(DuplicateEnvironmentNameException.class).hasMessageContaining("'single'");
        assertThatThrownBy(() -> environments.get(999)).isInstanceOf(EnvironmentNotFoundException.class);
        assertThatThrownBy(() -> environments.delete(999)).isInstanceOf(EnvironmentNotFoundException.class);
    }

    @Test
    void everyChangeIsARevisionWithItsDocumentAndAStaleOneIsRefused() {
        Environment first = environments.save(Fixtures.withAll(Fixtures.single(), "DOCKER_VERSION_API", "2.13.10"),
                Edit.of(RevisionCause.WIZARD, "alice"));
        long id = first.id();
        environments.save(first, Edit.of(RevisionCause.API, "bob"));
        assertThat(environments.current(id).revision()).as("a save that changes nothing makes no revision").isEqualTo(1);

        environments.save(Fixtures.withAll(first, "DOCKER_VERSION_API", "2.14.0"), Edit.of(RevisionCause.UPDATE_JOB, "bob").job(7));

        assertThat(environments.current(id).revision()).isEqualTo(2);
        Revision update = environments.revision(id, 2);
        assertThat(update.user()).isEqualTo("bob");
        assertThat(update.cause()).isEqualTo(RevisionCause.UPDATE_JOB);
        assertThat(update.jobId()).isEqualTo(7L);
        assertThat(update.changes()).containsExactly(new FieldChange("/vars/DOCKER_VERSION_API", "2.13.10", "2.14.0"));
        assertThat(environments.environmentAt(id, 1)).isEqualTo(first);
        assertThat(environments.revisions(id)).extracting(Revision::number).containsExactly(2, 1);

        assertThatThrownBy(() -> environments.save(Fixtures.withAll(first, "DOCKER_VERSION_API", "2.13.11"),
                Edit.of(RevisionCause.SETTINGS, "carol").basedOn(1)))
                .isInstanceOfSatisfying(StaleRevisionException.class, e -> {
                    assertThat(e.current()).isEqualTo(2);
                    assertThat(e.since()).extracting(Revision::number).containsExactly(2);
                });
        assertThat(environments.get(id).vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");
        String stored = db.sql("SELECT document FROM environment_revision WHERE environment_id = ? AND number = 1").param(id)
                .query(String.class).single();
        assertThat(stored).as("revision documents are encrypted like the environment's").doesNotContain("reemohmac");
    }
}
