package io.reemo.console.deploy.install;

import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code INSTALL_DOCKER}: Docker from the distribution on Debian/Ubuntu, from Docker's documented repository on
 * RHEL/Rocky (platform.md §4.2). Nodes that already have Docker are left as they are.
 */
@Component
class DockerInstall {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    static final String SCRIPT = String.join("\n",
            "set -e",
            "if command -v docker >/dev/null; then echo \"Docker $(docker version --format '{{.Server.Version}}') is already installed\"; exit 0; fi",
            ". /etc/os-release",
            "case \"$ID\" in",
            "  debian|ubuntu) apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io ;;",
            "  rhel|rocky|centos|almalinux) dnf install -y dnf-plugins-core"
                    + " && dnf config-manager --add-repo https://download.docker.com/linux/rhel/docker-ce.repo"
                    + " && dnf install -y docker-ce docker-ce-cli containerd.io ;;",
            "  *) echo \"no Docker install recipe for $ID\" >&2; exit 2 ;;",
            "esac",
            "systemctl enable --now docker",
            "docker version --format 'Docker {{.Server.Version}} installed'");

    private final JobSessions ssh;

    DockerInstall(JobSessions ssh) {
        this.ssh = ssh;
    }

    Step step(Environment environment) {
        return ssh.commandStep("docker", environment.nodes(), node -> SCRIPT, TIMEOUT);
    }
}
