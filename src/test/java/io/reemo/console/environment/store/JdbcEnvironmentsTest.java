package io.reemo.console.environment.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.secrets.SecretMasker;
import io.reemo.console.support.ConsoleApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JdbcEnvironmentsTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private SecretMasker masker;

    @Test
    void anEnvironmentComesBackAsItWasSavedWithItsSecretsEncryptedInTheDocument() {
        Environment saved = environments.save(Fixtures.dedicated());

        assertThat(environments.get(saved.id())).isEqualTo(saved);
        String document = db.sql("SELECT document FROM environment WHERE id = ?").param(saved.id()).query(String.class).single();
        assertThat(document).doesNotContain("reemohmac", "registry-password", Fixtures.LICENSE, "OPENSSH")
                .contains("\"PORTAL_TYPE\":\"admin\"", "\"HMACSECRET\":\"v1:k");
        assertThat(masker.mask("hmac is reemohmac")).as("decrypted values are masked").isEqualTo("hmac is ******");
    }

    @Test
    void factsAreRecordedOnTheirNode() {
        long id = environments.save(Fixtures.single()).id();
        NodeFacts facts = new NodeFacts(Instant.now().truncatedTo(ChronoUnit.MILLIS), "infra1", "Debian", "12", 4, 8192,
                120, "20.10.24", "active", "manager", "abc");

        environments.recordFacts(id, "infra1", facts);

        assertThat(environments.get(id).node("infra1").orElseThrow().facts()).isEqualTo(facts);
        assertThatThrownBy(() -> environments.recordFacts(id, "nope", facts)).isInstanceOf(EnvironmentNotFoundException.class);
    }

    @Test
    void namesAreUniqueAndUnknownIdsAreNotFound() {
        environments.save(Fixtures.single());
        assertThatThrownBy(() -> environments.save(Fixtures.single()))
                .isInstanceOf(DuplicateEnvironmentNameException.class).hasMessageContaining("'single'");
        assertThatThrownBy(() -> environments.get(999)).isInstanceOf(EnvironmentNotFoundException.class);
        assertThatThrownBy(() -> environments.delete(999)).isInstanceOf(EnvironmentNotFoundException.class);
    }
}
