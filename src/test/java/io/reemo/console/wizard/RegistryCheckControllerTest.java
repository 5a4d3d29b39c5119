package io.reemo.console.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.support.ConsoleApiTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * H1 of the security review: the registry test of an installed environment's Settings must never send the stored
 * registry password to a host the caller chose. A listening socket stands for that host and must see no connection.
 */
class RegistryCheckControllerTest extends ConsoleApiTest {

    @Autowired
    private Environments environments;
    @Autowired
    private WizardDrafts drafts;

    private ServerSocket attacker;
    private String attackerUrl;
    private Draft settings;

    @BeforeEach
    void anInstalledEnvironmentWithAStoredRegistryPasswordAndAHostThatWantsIt() throws Exception {
        attacker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        attacker.setSoTimeout(300);
        attackerUrl = "127.0.0.1:" + attacker.getLocalPort();
        Environment installed = environments.save(Fixtures.onLoopback(Fixtures.withAll(Fixtures.withAll(Fixtures.withAll(
                Fixtures.cluster(), "REGISTRY_URL", "registry.example.test"), "REGISTRY_USERNAME", "deploy"),
                "REGISTRY_PASSWORD", "production-registry-secret")), Fixtures.BY_TEST);
        settings = drafts.edit(environments.current(installed.id()));
    }

    @AfterEach
    void closeTheAttacker() throws Exception {
        attacker.close();
    }

    @Test
    void viewersAndOperatorsCannotTestALoginWithTheStoredPassword() throws Exception {
        for (RequestPostProcessor user : new RequestPostProcessor[] {viewer(), operator()}) {
            mvc.perform(post("/wizard/" + settings.id() + "/registry/test").with(user).with(csrf())
                            .param("REGISTRY_URL", attackerUrl).param("registryCaCert", "-----BEGIN CERTIFICATE-----"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/wizard/" + settings.id() + "/registry/tags").with(user)).andExpect(status().isForbidden());
        }
        assertNobodyCalledTheAttacker();
        assertThat(registryUrl(drafts.require(settings.id()))).as("the draft is unchanged").isEqualTo("registry.example.test");
    }

    @Test
    void anAdminMustTypeThePasswordAgainToTestAnotherRegistryOrAPastedCa() throws Exception {
        String answer = mvc.perform(post("/wizard/" + settings.id() + "/registry/test").with(admin()).with(csrf())
                        .param("REGISTRY_URL", attackerUrl).param("REGISTRY_PASSWORD", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("REGISTRY_PASSWORD: type the password again to log in to " + attackerUrl)
                .contains("only sent to registry.example.test");
        String withCa = mvc.perform(post("/wizard/" + settings.id() + "/registry/test").with(admin()).with(csrf())
                        .param("registryCaCert", "-----BEGIN CERTIFICATE-----"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withCa).contains("type the password again to test with a CA certificate pasted here");
        assertNobodyCalledTheAttacker();
        assertThat(registryUrl(drafts.require(settings.id()))).as("a refused test saves nothing").isEqualTo("registry.example.test");
    }

    @Test
    void theTagsOfASettingsDraftWhoseRegistryMovedAreNotReadWithTheStoredPassword() throws Exception {
        drafts.save(settings.with(Fixtures.withAll(settings.environment(), "REGISTRY_URL", attackerUrl)));
        String answer = mvc.perform(get("/wizard/" + settings.id() + "/registry/tags").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("type the password again to log in to " + attackerUrl);
        assertNobodyCalledTheAttacker();
    }

    private void assertNobodyCalledTheAttacker() {
        assertThatThrownBy(() -> attacker.accept().close()).isInstanceOf(SocketTimeoutException.class);
    }

    private static Object registryUrl(Draft draft) {
        return draft.environment().vars().get("REGISTRY_URL");
    }
}
