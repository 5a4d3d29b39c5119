package io.reemo.console.node.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the operator reads when a node's Docker cannot be reached; the missing-docker case also runs on the bed. */
class DockerOverSshExplainTest {

    private static final RuntimeException NO_ANSWER = new RuntimeException("java.io.IOException: Connection reset");

    @Test
    void saysDockerIsMissingWhenTheCommandIsNotFound() {
        assertThat(DockerOverSsh.explain("node2", Optional.of("'docker system dial-stdio' exited with status 127: "
                + "bash: line 1: docker: command not found"), NO_ANSWER))
                .isEqualTo("Docker is not installed on node2, or 'docker' is not on the SSH user's PATH (the node said: "
                        + "'docker system dial-stdio' exited with status 127: bash: line 1: docker: command not found). "
                        + "Install Docker (INSTALL_DOCKER), then try again.");
    }

    @Test
    void saysTheUserMayNotUseDockerWhenPermissionIsDenied() {
        assertThat(DockerOverSsh.explain("node1", Optional.of("'docker system dial-stdio' exited with status 1: "
                + "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock"),
                NO_ANSWER))
                .startsWith("The SSH user on node1 may not use Docker (the node said: ")
                .endsWith("). Connect as root, or add the user to the 'docker' group.");
    }

    @Test
    void saysTheDaemonIsDownOrTheCliTooOld() {
        assertThat(DockerOverSsh.explain("node3", Optional.of("'docker system dial-stdio' exited with status 1: Cannot "
                + "connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"), NO_ANSWER))
                .startsWith("The Docker daemon on node3 is not running");
        // what dial-stdio itself says when the daemon's socket refuses (seen on the test bed)
        assertThat(DockerOverSsh.explain("node1", Optional.of("'docker system dial-stdio' exited with status 1: failed to "
                + "open the raw stream connection: dial unix /var/run/docker.sock: connect: connection refused"), NO_ANSWER))
                .startsWith("The Docker daemon on node1 is not running (the node said: ");
        assertThat(DockerOverSsh.explain("node3", Optional.of("'docker system dial-stdio' exited with status 1: docker: "
                + "'system dial-stdio' is not a docker command."), NO_ANSWER))
                .startsWith("The docker CLI on node3 is too old for 'docker system dial-stdio'");
    }

    @Test
    void withoutWordFromTheNodeItReportsTheClientError() {
        assertThat(DockerOverSsh.explain("node1", Optional.empty(), NO_ANSWER))
                .isEqualTo("Docker on node1 did not answer over SSH (java.io.IOException: Connection reset): check that "
                        + "the SSH connection is up and that 'docker info' works on the node.");
    }
}
