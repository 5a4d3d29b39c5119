package io.reemo.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.SecretSpec;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import io.reemo.console.deploy.ConsoleClient;
import io.reemo.console.environment.Node;
import io.reemo.console.node.NodeSession;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import io.reemo.console.support.BedInventories;
import io.reemo.console.support.TestBed;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The routes the console gives Traefik, as a browser meets them on the real test bed: a 3-node cluster installed
 * through the API, whose admin portal name is restricted to an address that is not this machine's. The bed's Traefik
 * is a real proxy configured from Traefik's own arguments and dynamic file (docker/testbed/README.md), so a wrong
 * route, certificate or allow-list fails here. Then, on the same Swarm, Traefik services of the test's own (the
 * console's image and file locations) show that a certificate given is served for its name and that a configuration
 * Traefik would not be given keeps the service from ever running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"CONSOLE_ADMIN_PASSWORD=" + TraefikRoutesIT.PASSWORD, "console.data-dir=target/test-data/traefik-routes-it"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraefikRoutesIT {

    static final String PASSWORD = "traefik-routes-it";
    private static final String PORTAL = "portal.bed.test";
    private static final String ADMIN = "admin.bed.test";
    /** Not this machine's address on the bed (10.199.0.254), so the admin portal refuses the test. */
    private static final String ADMIN_ALLOWED = "10.199.0.77";
    private static final String DYNAMIC_FILE = "/etc/traefik/dynamic.yml";
    /** Where the test's own Traefik services publish their websecure entry point on node1, one port each. */
    private static final int GIVEN_PORT = 9443;
    private static final int MIDDLEWARE_PORT = 9444;
    private static final int KEY_PORT = 9445;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    private NodeSessions sessions;

    private final TestBed bed = TestBed.get();
    private NodeSession node1;

    @BeforeAll
    void installAClusterWhoseAdminPortalExcludesThisMachine() throws InterruptedException {
        FileSystemUtils.deleteRecursively(new File("target/test-data/traefik-routes-it"));
        bed.reset();
        String inventory = BedInventories.simpleCluster(bed, PORTAL).replace("PORTAL_URL: \"" + PORTAL + "\"\n",
                "PORTAL_URL: \"" + PORTAL + "\"\n        PORTALADMIN_URL: \"" + ADMIN + "\"\n"
                        + "        PORTALADMIN_URL_RESTRICT_IP: \"" + ADMIN_ALLOWED + "\"\n");
        ConsoleClient console = new ConsoleClient(port, "admin", PASSWORD);
        long id = console.importAndPin("traefik-" + System.nanoTime(), inventory, bed);
        JsonNode install = console.runJob(id, Map.of("type", "install", "initDb", true), Duration.ofMinutes(6));
        // Everything is deployed; the install's last step, verify, is kept out of the admin portal like this machine.
        String log = console.log(install);
        assertThat(install.get("status").asString()).as(log).isEqualTo("failed");
        for (String node : List.of("node1", "node2", "node3")) {
            assertThat(log).contains("portaladmin https://" + ADMIN + "/ through " + node, "HTTP 403");
        }
        node1 = sessions.open(bed.node("node1"));
    }

    @AfterAll
    void closeSession() {
        if (node1 != null) {
            node1.close();
        }
    }

    @Test
    void thePortalAndTheSignalsAnswerThroughEveryTraefikNodeOverTls() throws Exception {
        for (Node node : bed.nodes()) {
            String portal = BedInventories.fetch("https://" + node.address() + "/api/healthcheck", PORTAL);
            assertThat(status(portal)).as(node.name() + ": " + portal).isEqualTo(200);
            assertThat(portal).contains("\"status\": \"OK\"");
            // TRAEFIK_CERT_MODE self-signed: Traefik serves the certificate it made itself.
            assertThat(BedInventories.certificateSubject(node.address(), 443, PORTAL)).isEqualTo("CN=TRAEFIK DEFAULT CERT");
            String signal = BedInventories.fetch("https://" + node.address() + ":8443/", "signal.bed.test");
            assertThat(status(signal)).as(node.name() + ": " + signal).isEqualTo(200);
            assertThat(signal).contains("signal 2.5.3");
        }
    }

    @Test
    void plainHttpIsRedirectedToHttpsWithItsPathAndQuery() throws Exception {
        String answer = BedInventories.fetch("http://10.199.0.1/api/healthcheck?from=it", PORTAL);
        assertThat(status(answer)).as(answer).isEqualTo(301);
        assertThat(answer).containsIgnoringCase("location: https://" + PORTAL + "/api/healthcheck?from=it\r\n");
    }

    @Test
    void anAllowListWithoutThisMachineAnswers403AndOnlyOnItsOwnName() throws Exception {
        String admin = BedInventories.fetch("https://10.199.0.2/", ADMIN);
        assertThat(status(admin)).as(admin).isEqualTo(403);
        assertThat(body(admin)).isEqualTo("Forbidden");
        assertThat(status(BedInventories.fetch("https://10.199.0.2/", PORTAL))).isEqualTo(200);
    }

    @Test
    void aNameWithoutRouteAnswers404() throws Exception {
        String answer = BedInventories.fetch("https://10.199.0.3/", "nobody.bed.test");
        assertThat(status(answer)).as(answer).isEqualTo(404);
        assertThat(body(answer)).isEqualTo("404 page not found\n");
    }

    @Test
    void aCertificateGivenToTraefikIsServedForItsNameAndTraefiksOwnForAnyOther() throws Exception {
        IssuedCertificate given = CertificateAuthority.generate("Test bed CA").issue("given.bed.test", List.of("given.bed.test"), List.of());
        String service = deploy("traefik-given", GIVEN_PORT, routes(), given.certificatePem(), given.privateKeyPem());
        try {
            assertThat(awaitCertificate(GIVEN_PORT, "given.bed.test")).isEqualTo("CN=given.bed.test");
            assertThat(BedInventories.certificateSubject("10.199.0.1", GIVEN_PORT, "other.bed.test")).isEqualTo("CN=TRAEFIK DEFAULT CERT");
        } finally {
            node1.docker().removeServiceCmd(service).exec();
        }
    }

    @Test
    void aMiddlewareTraefikIsNotGivenKeepsTheServiceFromRunning() throws Exception {
        String dynamic = routes() + "  middlewares:\n    strip:\n      stripPrefix:\n        prefixes: [/api]\n";
        assertRefused(deploy("traefik-middleware", MIDDLEWARE_PORT, dynamic, null, null),
                "REFUSED: " + DYNAMIC_FILE + ": http.middlewares.strip.stripPrefix: not understood by the stand-in");
    }

    @Test
    void aKeyThatIsNotTheCertificatesKeepsTheServiceFromRunning() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate("Test bed CA");
        IssuedCertificate given = ca.issue("given.bed.test", List.of("given.bed.test"), List.of());
        IssuedCertificate other = ca.issue("other.bed.test", List.of("other.bed.test"), List.of());
        assertRefused(deploy("traefik-key", KEY_PORT, routes(), given.certificatePem(), other.privateKeyPem()),
                "REFUSED: " + DYNAMIC_FILE + ": tls.certificates[0]: /run/secrets/given.crt with /run/secrets/given.key "
                        + "is not a usable certificate and key");
    }

    /** One router to the console's portal service, as the console writes it. */
    private static String routes() {
        return "http:\n  routers:\n    portal:\n      rule: Host(`given.bed.test`)\n      entryPoints: [websecure]\n"
                + "      service: portal\n      tls: {}\n"
                + "  services:\n    portal:\n      loadBalancer:\n        servers:\n        - url: http://reemo_portal:8080\n";
    }

    /**
     * A Traefik service of the test's own on node1, its websecure entry point published on {@code port}: the image,
     * entry point argument and file locations of the console's Traefik, the given dynamic file, and when
     * {@code certificate} is given, that certificate and key as Docker secrets named in the file's tls section.
     * Swarm does not restart it, so a refused configuration leaves a failed task.
     */
    private String deploy(String name, int port, String dynamic, String certificate, String key) {
        DockerClient docker = node1.docker();
        String image = docker.inspectServiceCmd("traefik").exec().getSpec().getTaskTemplate().getContainerSpec().getImage();
        List<ContainerSpecSecret> secrets = new ArrayList<>();
        String file = dynamic;
        if (certificate != null) {
            secrets.add(secret(docker, name + "-crt", certificate, "given.crt"));
            secrets.add(secret(docker, name + "-key", key, "given.key"));
            file += "tls:\n  certificates:\n  - certFile: /run/secrets/given.crt\n    keyFile: /run/secrets/given.key\n";
        }
        String config = docker.createConfigCmd().withName(name).withData(file.getBytes(StandardCharsets.UTF_8)).exec().getId();
        ContainerSpec container = new ContainerSpec().withImage(image)
                .withArgs(List.of("--entrypoints.websecure.address=:443", "--providers.file.filename=" + DYNAMIC_FILE))
                .withConfigs(List.of(new ContainerSpecConfig().withConfigID(config).withConfigName(name)
                        .withFile(new ContainerSpecFile().withName(DYNAMIC_FILE).withUid("0").withGid("0").withMode(0444L))))
                .withSecrets(secrets);
        ServiceSpec spec = new ServiceSpec().withName(name)
                .withTaskTemplate(new TaskSpec().withContainerSpec(container)
                        .withPlacement(new ServicePlacement().withConstraints(List.of("node.hostname==node1")))
                        .withRestartPolicy(new ServiceRestartPolicy().withCondition(ServiceRestartCondition.NONE)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withEndpointSpec(new EndpointSpec().withPorts(List.of(new PortConfig().withProtocol(PortConfigProtocol.TCP)
                        .withPublishedPort(port).withTargetPort(443).withPublishMode(PortConfig.PublishMode.host))));
        AuthConfig registry = new AuthConfig().withRegistryAddress(bed.registryUrl())
                .withUsername(bed.registryUser()).withPassword(bed.registryPassword());
        return docker.createServiceCmd(spec).withAuthConfig(registry).exec().getId();
    }

    private static ContainerSpecSecret secret(DockerClient docker, String name, String pem, String fileName) {
        String id = docker.createSecretCmd(new SecretSpec().withName(name).withData(pem)).exec().getId();
        return new ContainerSpecSecret().withSecretId(id).withSecretName(name)
                .withFile(new ContainerSpecFile().withName(fileName).withUid("0").withGid("0").withMode(0400L));
    }

    /** The task ended (never to run again) with the stand-in's exit status, and said why in the service's log. */
    private void assertRefused(String service, String reason) throws Exception {
        try {
            Task task = awaitTaskEnd(service);
            assertThat(task.getStatus().getState()).isEqualTo(TaskState.FAILED);
            assertThat(task.getStatus().getErr()).isEqualTo("task: non-zero exit (2)");
            assertThat(serviceLog(service)).contains(reason);
        } finally {
            node1.docker().removeServiceCmd(service).exec();
        }
    }

    private Task awaitTaskEnd(String service) throws InterruptedException {
        EnumSet<TaskState> ended = EnumSet.of(TaskState.COMPLETE, TaskState.FAILED, TaskState.REJECTED, TaskState.SHUTDOWN);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Task> task = node1.docker().listTasksCmd().withServiceFilter(service).exec().stream()
                    .filter(t -> ended.contains(t.getStatus().getState())).findFirst();
            if (task.isPresent()) {
                return task.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the task of " + service + " neither failed nor ended in " + SETTLE.toSeconds() + " s");
    }

    private String serviceLog(String service) throws InterruptedException {
        StringBuilder log = new StringBuilder();
        node1.docker().logServiceCmd(service).withStdout(true).withStderr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(20, TimeUnit.SECONDS);
        return log.toString();
    }

    /** The certificate shown for {@code name} once the test's own Traefik listens on node1's {@code port}. */
    private static String awaitCertificate(int port, String name) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            try {
                return BedInventories.certificateSubject("10.199.0.1", port, name);
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing answered TLS on 10.199.0.1:" + port + " in " + SETTLE.toSeconds() + " s", notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.split(" ", 3)[1]);
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
}
