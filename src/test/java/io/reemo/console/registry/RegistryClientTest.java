package io.reemo.console.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token flow, pagination and the reading of many repositories at once, on a fake registry; the Basic flow runs
 * against the test bed in RegistryClientIT.
 */
class RegistryClientTest {

    private static FakeTokenRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = new FakeTokenRegistry();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void logsInThroughTheTokenServiceAndListsTagsAcrossPagesOldestFirst() {
        RegistryClient client = client(FakeTokenRegistry.PASSWORD);

        client.checkLogin();

        assertThat(client.tags("reemoinfraapi")).containsExactly("latest", "2.9.1", "2.13.10", "2.13.10-1", "2.14.0");
        assertThat(client.newerTags("reemoinfraapi", "2.13.10")).containsExactly("2.13.10-1", "2.14.0");
    }

    /** L5 of the security review: the token stays with the registry, and the registry cannot fill the console's memory. */
    @Test
    void aNextPageOnAnotherHostIsNotFollowedAndAnAnswerBeyondTheLimitIsNotRead() {
        RegistryClient client = client(FakeTokenRegistry.PASSWORD);
        assertThatThrownBy(() -> client.tags(FakeTokenRegistry.ELSEWHERE))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNEXPECTED_ANSWER))
                .hasMessageContaining("pointed its next page of tags to https://10.199.0.77, another host");
        assertThatThrownBy(() -> client.tags(FakeTokenRegistry.HUGE))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNEXPECTED_ANSWER))
                .hasMessageContaining("sent more than 4 MiB");
    }

    @Test
    void aWrongPasswordIsReportedWithTheRegistryAndWhatToCheck() {
        assertThatThrownBy(() -> client("wrong-password").checkLogin())
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.BAD_CREDENTIALS))
                .hasMessage("Registry https://" + registry.address() + " refused the login of user 'robot' (HTTP 401): "
                        + "check REGISTRY_USERNAME and REGISTRY_PASSWORD.")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void aRepositoryTheTokenServiceGivesNoAccessToIsNamed() {
        assertThatThrownBy(() -> client(FakeTokenRegistry.PASSWORD).tags("reemoinfranope"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.DENIED))
                .hasMessage("Registry https://" + registry.address() + " accepted user 'robot' but not for "
                        + "repository:reemoinfranope:pull: the repository does not exist or the user may not pull it; "
                        + "check REGISTRY_ENV and ask the registry's administrator for pull access.");
    }

    @Test
    void manyRepositoriesAreReadEachWithItsTagsOrItsOwnProblem() {
        RepositoryTags read = client(FakeTokenRegistry.PASSWORD).tagsOf(List.of("reemoinfranope", "Not A Name", "reemoinfraapi"));

        assertThat(read.registryProblem()).isNull();
        assertThat(read.of("reemoinfraapi")).containsExactly("latest", "2.9.1", "2.13.10", "2.13.10-1", "2.14.0");
        assertThat(read.problem("reemoinfraapi")).isNull();
        assertThat(read.of("reemoinfranope")).isEmpty();
        assertThat(read.problem("reemoinfranope")).contains("repository:reemoinfranope:pull");
        assertThat(read.problem("Not A Name")).startsWith("'Not A Name' is not a repository name");
    }

    @Test
    void aRefusedLoginIsTheRegistrysProblemAndEveryRepositorysToo() {
        RepositoryTags read = client("wrong-password").tagsOf(List.of("reemoinfraapi", "reemoinfraportal"));

        assertThat(read.tags()).isEmpty();
        assertThat(read.problems()).isEmpty();
        assertThat(read.registryProblem()).contains("refused the login of user 'robot'").doesNotContain("wrong-password");
        assertThat(read.problem("reemoinfraportal")).isEqualTo(read.registryProblem());
    }

    @Test
    void withoutItsCaTheRegistryIsNotTrusted() {
        RegistryClient client = new RegistryClient(registry.address(), FakeTokenRegistry.USER, FakeTokenRegistry.PASSWORD, null);

        assertThatThrownBy(client::checkLogin)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNTRUSTED_CERTIFICATE))
                .hasMessageStartingWith("The certificate of https://" + registry.address() + " is not trusted (")
                .hasMessageEndingWith("): give the CA certificate of this registry, or use a certificate from a public CA.");
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        RegistryClient client = new RegistryClient("127.0.0.1:" + closed, "u", "p", null);

        assertThatThrownBy(client::checkLogin)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistryException.Reason.UNREACHABLE))
                .hasMessageStartingWith("https://127.0.0.1:" + closed + " is unreachable (connection refused)")
                .hasMessageEndingWith("check REGISTRY_URL, that the registry runs, and that the console's machine can reach it.");
    }

    @Test
    void refusesAddressesThatAreNotHttpsHosts() {
        assertThatThrownBy(() -> new RegistryClient("http://registry.example.com", "u", "p", null))
                .hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> new RegistryClient("registry.example.com/path?x", "u", "p", null))
                .hasMessageContaining("is not a host name with an optional port");
        assertThat(new RegistryClient("https://registry.example.com:5000/", "u", "p", null).uri())
                .hasToString("https://registry.example.com:5000");
    }

    private static RegistryClient client(String password) {
        return new RegistryClient(registry.address(), FakeTokenRegistry.USER, password, registry.caPem());
    }
}
