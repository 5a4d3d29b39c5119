package io.reemo.console.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Node;
import io.reemo.console.job.NodeRun;
import io.reemo.console.swarm.DockerOverSsh;
import org.springframework.stereotype.Component;

/** Docker on a node within a job: one bridge over the job's SSH connection to that node, closed when the job ends. */
@Component
public class NodeDocker {

    private final JobSsh ssh;

    NodeDocker(JobSsh ssh) {
        this.ssh = ssh;
    }

    public DockerClient of(NodeRun run, Node node) {
        try {
            return run.shared("docker:" + node.name(),
                    () -> DockerOverSsh.open(ssh.connection(run, node).client(), node.name())).docker();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeployException(node.name() + ": " + e.getMessage(), e);
        }
    }

    /** The registry credentials of the environment, as Docker wants them for pulls and service creation. */
    public static AuthConfig registryAuth(EffectiveVariables vars) {
        return new AuthConfig()
                .withRegistryAddress(vars.text("REGISTRY_URL").orElse("registry.reemo.io"))
                .withUsername(vars.text("REGISTRY_USERNAME").orElse(null))
                .withPassword(vars.text("REGISTRY_PASSWORD").orElse(null));
    }
}
