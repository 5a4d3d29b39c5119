package io.reemo.console.node.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Reachability;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import io.reemo.console.environment.Node;
import io.reemo.console.node.DockerUnreachableException;
import io.reemo.console.node.NodeProperties;
import io.reemo.console.support.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker over SSH on the test bed: one node's daemon, then a Swarm of the three nodes running a service whose
 * image comes from the bed's authenticated TLS registry. Starts from a reset bed and leaves it as it found it
 * (no Swarm, no service, no image it did not hold).
 */
class DockerOverSshIT {

    private static final Logger log = LoggerFactory.getLogger(DockerOverSshIT.class);
    private static final TestBed bed = TestBed.get();
    private static final Map<Node, SSHClient> connections = new LinkedHashMap<>();
    private static final NodeProperties TIMEOUTS = new NodeProperties(null, null, null, null, null, null);

    @BeforeAll
    static void connect() throws IOException {
        bed.reset(); // earlier tests of the suite leave Swarms behind; a reset reboots nodes, so it comes before connecting
        for (Node node : bed.nodes()) {
            connections.put(node, connect(node));
        }
    }

    /** As a node session hands it over: host key pinned, logged in with the bed's key. */
    private static SSHClient connect(Node node) throws IOException {
        SSHClient ssh = new SSHClient(new DefaultConfig());
        ssh.addHostKeyVerifier(node.hostKeySha256());
        ssh.setConnectTimeout(5000);
        ssh.connect(node.address(), node.sshPort());
        ssh.authPublickey(node.sshUser(), ssh.loadKeys(bed.privateKey().toString()));
        return ssh;
    }

    @AfterAll
    static void disconnect() throws IOException {
        for (SSHClient ssh : connections.values()) {
            ssh.close();
        }
    }

    @Test
    void reachesTheNodesDaemonThroughAPrivateUnixSocket() throws IOException {
        Node node1 = bed.nodes().get(0);
        long bareStart = System.nanoTime();
        DialStdioBridge.open(connections.get(node1), node1.name(), DockerOverSsh.DIAL_STDIO).close();
        log.info("timing: bare bridge open + close {} ms", millis(bareStart, System.nanoTime()));

        long start = System.nanoTime();
        Path socket;
        DockerOverSsh docker = DockerOverSsh.open(connections.get(node1), node1.name(), TIMEOUTS);
        try {
            long opened = System.nanoTime();
            docker.docker().pingCmd().exec();
            long pinged = System.nanoTime();
            log.info("timing: bridge open + first ping {} ms, next ping {} ms", millis(start, opened), millis(opened, pinged));

            assertThat(docker.docker().infoCmd().exec().getName()).isEqualTo("node1");
            socket = docker.bridgeSocket();
            assertThat(PosixFilePermissions.toString(permissions(socket.getParent()))).isEqualTo("rwx------");
        } finally {
            long closing = System.nanoTime();
            docker.close();
            log.info("timing: close {} ms", millis(closing, System.nanoTime()));
        }
        assertThat(socket.getParent()).doesNotExist();
    }

    @Test
    void aNodeWithoutTheDockerCommandIsExplainedWithWhatTheNodeSaid() {
        Node node1 = bed.nodes().get(0);

        assertThatThrownBy(() -> DockerOverSsh.open(connections.get(node1), node1.name(), TIMEOUTS, "reemo-no-docker system dial-stdio"))
                .isInstanceOfSatisfying(DockerUnreachableException.class, e -> assertThat(e.node()).isEqualTo("node1"))
                .hasMessageStartingWith("Docker is not installed on node1, or 'docker' is not on the SSH user's PATH "
                        + "(the node said: 'reemo-no-docker system dial-stdio' exited with status 127: ")
                .hasMessageContaining("not found")
                .hasMessageEndingWith("Install Docker (INSTALL_DOCKER), then try again.");
    }

    @Test
    void formsASwarmOfThreeManagersThatRunsAServiceFromTheAuthenticatedRegistry() throws Exception {
        SwarmScenario scenario = new SwarmScenario();
        try {
            try {
                scenario.run();
            } finally {
                scenario.undo();
            }
            for (DockerOverSsh docker : scenario.dockers.values()) {
                assertThat(docker.docker().infoCmd().exec().getSwarm().getLocalNodeState()).isEqualTo(LocalNodeState.INACTIVE);
            }
        } finally {
            scenario.dockers.values().forEach(DockerOverSsh::close);
        }
    }

    /** The steps, and what they created: only that is undone, so a Swarm someone else made is never touched. */
    private static final class SwarmScenario {

        final String image = bed.registryUrl() + "/" + bed.registryEnv() + "api:2.13.10";
        final String service = "it-docker-over-ssh-" + System.currentTimeMillis();
        final Map<String, DockerOverSsh> dockers = new LinkedHashMap<>();
        final List<String> inSwarm = new ArrayList<>();
        final List<String> imageAbsentBefore = new ArrayList<>();
        String serviceId;

        void run() throws InterruptedException {
            for (Node node : bed.nodes()) {
                DockerOverSsh docker = DockerOverSsh.open(connections.get(node), node.name(), TIMEOUTS);
                dockers.put(node.name(), docker);
                assertThat(docker.docker().infoCmd().exec().getSwarm().getLocalNodeState())
                        .as("%s must not be in a Swarm before this test (is another test using the bed?)", node.name())
                        .isEqualTo(LocalNodeState.INACTIVE);
                if (!hasImage(docker.docker(), image)) {
                    imageAbsentBefore.add(node.name());
                }
            }
            DockerClient manager = dockers.get("node1").docker();

            long start = System.nanoTime();
            manager.initializeSwarmCmd(new SwarmSpec()).withAdvertiseAddr(bed.nodes().get(0).address())
                    .withListenAddr("0.0.0.0:2377").exec();
            inSwarm.add("node1");
            String managerToken = manager.inspectSwarmCmd().exec().getJoinTokens().getManager();
            for (Node node : bed.nodes().subList(1, bed.nodes().size())) {
                inSwarm.add(node.name());
                dockers.get(node.name()).docker().joinSwarmCmd().withJoinToken(managerToken)
                        .withRemoteAddrs(List.of(bed.nodes().get(0).address() + ":2377"))
                        .withAdvertiseAddr(node.address()).withListenAddr("0.0.0.0:2377").exec();
            }
            waitFor(Duration.ofSeconds(60), "3 managers ready", () -> readyManagers(manager) == 3);
            log.info("timing: swarm init + 2 joins until 3 managers ready {} ms", millis(start, System.nanoTime()));
            assertThat(manager.listSwarmNodesCmd().exec()).extracting(n -> n.getDescription().getHostname())
                    .containsExactlyInAnyOrder("node1", "node2", "node3");

            long since = Instant.now().getEpochSecond();
            long created = System.nanoTime();
            serviceId = manager.createServiceCmd(new ServiceSpec().withName(service)
                            .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(image)))
                            .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1))))
                    .withAuthConfig(new AuthConfig().withUsername(bed.registryUser())
                            .withPassword(bed.registryPassword()).withRegistryAddress(bed.registryUrl()))
                    .exec().getId();
            waitFor(Duration.ofSeconds(120), "a running task of " + service, () -> runningTask(manager, service) != null);
            log.info("timing: service created until its task runs {} ms", millis(created, System.nanoTime()));

            Task task = runningTask(manager, service);
            String taskNode = manager.listSwarmNodesCmd().withIdFilter(List.of(task.getNodeId())).exec().get(0)
                    .getDescription().getHostname();
            DockerClient taskDocker = dockers.get(taskNode).docker();
            assertThat(taskDocker.inspectContainerCmd(task.getStatus().getContainerStatus().getContainerID()).exec()
                    .getConfig().getImage()).startsWith(image);
            assertThat(pulls(taskDocker, since)).as("pulls on %s", taskNode).contains(image);
        }

        /** Runs even when the test failed half-way: the bed is shared. */
        void undo() throws InterruptedException {
            if (serviceId != null) {
                DockerClient manager = dockers.get("node1").docker();
                quietly(() -> manager.removeServiceCmd(serviceId).exec());
                try {
                    waitFor(Duration.ofSeconds(60), "the containers of " + service + " to go",
                            () -> dockers.values().stream().allMatch(d -> d.docker().listContainersCmd().withShowAll(true)
                                    .withLabelFilter(Map.of("com.docker.swarm.service.name", service)).exec().isEmpty()));
                } catch (AssertionError | RuntimeException e) {
                    log.warn("Cleaning up the test bed: {}", e.getMessage());
                }
            }
            for (int i = inSwarm.size() - 1; i >= 0; i--) {
                DockerClient docker = dockers.get(inSwarm.get(i)).docker();
                quietly(() -> docker.leaveSwarmCmd().withForceEnabled(true).exec());
            }
            for (String node : imageAbsentBefore) {
                DockerClient docker = dockers.get(node).docker();
                if (hasImage(docker, image)) {
                    quietly(() -> docker.removeImageCmd(image).exec());
                }
            }
        }
    }

    private static int readyManagers(DockerClient manager) {
        int ready = 0;
        for (SwarmNode node : manager.listSwarmNodesCmd().exec()) {
            boolean isManager = node.getSpec().getRole() == SwarmNodeRole.MANAGER;
            boolean up = node.getStatus().getState() == SwarmNodeState.READY;
            boolean reachable = node.getManagerStatus() != null
                    && node.getManagerStatus().getReachability() == Reachability.REACHABLE;
            ready += isManager && up && reachable ? 1 : 0;
        }
        return ready;
    }

    private static Task runningTask(DockerClient manager, String service) {
        List<Task> tasks = manager.listTasksCmd().withServiceFilter(service).exec();
        for (Task task : tasks) {
            if (task.getStatus().getState() == TaskState.FAILED || task.getStatus().getState() == TaskState.REJECTED) {
                throw new AssertionError("Task of " + service + " " + task.getStatus().getState() + ": "
                        + task.getStatus().getErr());
            }
        }
        return tasks.stream().filter(t -> t.getStatus().getState() == TaskState.RUNNING).findFirst().orElse(null);
    }

    /** The images the daemon pulled since then: swarm pulls at every task start, with the service's registry auth. */
    private static List<String> pulls(DockerClient docker, long sinceEpochSecond) throws InterruptedException {
        List<String> pulled = new ArrayList<>();
        docker.eventsCmd().withSince(String.valueOf(sinceEpochSecond))
                .withUntil(String.valueOf(Instant.now().getEpochSecond() + 1))
                .withEventTypeFilter(EventType.IMAGE).withEventFilter("pull")
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        pulled.add(event.getId());
                    }
                }).awaitCompletion();
        return pulled;
    }

    private static boolean hasImage(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void waitFor(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Cleaning up the test bed: {}", e.getMessage());
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }
}
