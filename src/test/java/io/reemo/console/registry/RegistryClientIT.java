package io.reemo.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Against the test bed's registry: HTTPS with its own CA, HTTP Basic authentication. */
class RegistryClientIT {

    private final TestBed bed = TestBed.get();

    @Test
    void logsInAndListsTheStandInVersionsOfTheApiInOrder() {
        RegistryClient client = new RegistryClient(bed.registryUrl(), bed.registryUser(), bed.registryPassword(),
                caPem());

        client.checkLogin();
        var tags = client.tags(bed.registryEnv() + "api");

        assertThat(tags).containsSubsequence("2.13.10", "2.14.0");
        assertThat(client.newerTags(bed.registryEnv() + "api", "2.13.10")).contains("2.14.0").doesNotContain("2.13.10");
    }

    @Test
    void aWrongPasswordIsACredentialsError() {
        RegistryClient client = new RegistryClient(bed.registryUrl(), bed.registryUser(), "not-the-password",
                caPem());

        assertThatThrownBy(client::checkLogin)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.BAD_CREDENTIALS))
                .hasMessage("Registry https://" + bed.registryUrl() + " refused the login of user '"
                        + bed.registryUser() + "' (HTTP 401): check REGISTRY_USERNAME and REGISTRY_PASSWORD.");
    }

    @Test
    void withoutTheBedsCaTheRegistryIsNotTrusted() {
        RegistryClient client = new RegistryClient(bed.registryUrl(), bed.registryUser(), bed.registryPassword(), null);

        assertThatThrownBy(client::checkLogin)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNTRUSTED_CERTIFICATE))
                .hasMessageStartingWith("The certificate of https://" + bed.registryUrl() + " is not trusted (")
                .hasMessageNotContaining(bed.registryPassword());
    }

    @Test
    void aRepositoryTheRegistryDoesNotHoldIsNotFound() {
        RegistryClient client = new RegistryClient(bed.registryUrl(), bed.registryUser(), bed.registryPassword(),
                caPem());

        assertThatThrownBy(() -> client.tags(bed.registryEnv() + "nosuchcomponent"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND))
                .hasMessage("Repository '" + bed.registryEnv() + "nosuchcomponent' does not exist in registry https://"
                        + bed.registryUrl() + ": check REGISTRY_ENV and the component name.");
    }

    private String caPem() {
        try {
            return Files.readString(bed.registryCaCert());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
