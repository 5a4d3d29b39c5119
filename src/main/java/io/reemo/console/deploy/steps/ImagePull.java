package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.node.RegistryAuth;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Gets every image a cluster runs onto each of its nodes, all nodes at once, in the environment's image mode
 * (product-calls.md §7): online and proxy pull with the registry credentials, offline loads an archive made with
 * {@code docker save}, preloaded only checks. A missing image is named with its node.
 */
@Component
public class ImagePull {

    private static final Duration PULL_LIMIT = Duration.ofMinutes(30);

    private final JobSessions sessions;
    private final VariableCatalogue variables;
    private final LocalFiles files;

    ImagePull(JobSessions sessions, VariableCatalogue variables, LocalFiles files) {
        this.files = files;
        this.sessions = sessions;
        this.variables = variables;
    }

    /** The desired state is read when the step runs, so that versions set by an earlier step count. */
    public Step step(Environment environment, Supplier<Environment> current, Supplier<DesiredState> desired, Predicate<ServiceSpec> scope) {
        // Read once for all nodes of the step (it loads and decrypts the PKI), on the first node that needs it.
        Supplier<Environment> env = once(current);
        Supplier<DesiredState> state = once(desired);
        return JobSessions.perNode("images", environment.nodes(), (run, node) -> {
            Cluster cluster = env.get().clusterOf(node.name()).orElseThrow();
            DesiredCluster wanted = state.get().clusters().stream().filter(c -> c.group().equals(cluster.group()))
                    .findFirst().orElseThrow();
            List<String> images = wanted.services().stream().filter(scope).map(ServiceSpec::image).distinct().toList();
            return fetch(run, node, variables.effective(env.get(), cluster), images);
        });
    }

    private static <T> Supplier<T> once(Supplier<T> source) {
        var value = new java.util.concurrent.atomic.AtomicReference<T>();
        return () -> {
            synchronized (value) {
                if (value.get() == null) {
                    value.set(source.get());
                }
                return value.get();
            }
        };
    }

    private int fetch(NodeRun run, Node node, EffectiveVariables vars, List<String> images) throws Exception {
        DockerClient docker = sessions.docker(run, node);
        String mode = vars.text("REGISTRY_IMAGE_MODE").orElse("online");
        if (mode.equals("offline")) {
            load(run, docker, vars);
        }
        if (mode.equals("proxy")) {
            var info = docker.infoCmd().exec();
            if (info.getHttpsProxy() == null || info.getHttpsProxy().isBlank()) {
                run.stderr("Image mode proxy: the Docker daemon on " + node.name() + " has no HTTPS proxy set; add"
                        + " https_proxy to its environment (/etc/default/docker, EnvironmentFile in docker.service) and restart it");
                return 1;
            }
        }
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            if (mode.equals("online") || mode.equals("proxy")) {
                run.system("pull " + image);
                if (!NarratedPull.pull(docker, image, RegistryAuth.of(vars), PULL_LIMIT, run::system)) {
                    run.stderr("pull " + image + " on " + node.name() + ": not done after " + PULL_LIMIT.toMinutes() + " minutes");
                }
            }
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            }
        }
        for (String image : missing) {
            run.stderr("missing on " + node.name() + ": " + image);
        }
        if (missing.isEmpty()) {
            run.system(images.size() + " image(s) present on " + node.name());
        }
        return missing.isEmpty() ? 0 : 1;
    }

    /**
     * Streams the archive from the console's machine straight into the node's Docker: nothing is copied by hand. Only an
     * archive where the console may read files ({@link LocalFiles}), and only one that starts like an archive.
     */
    private void load(NodeRun run, DockerClient docker, EffectiveVariables vars) throws IOException {
        Path archive = files.archive(vars.text("REGISTRY_IMAGE_ARCHIVE").orElseThrow(() -> new DeployException(
                "image mode offline needs REGISTRY_IMAGE_ARCHIVE: upload the archive docker save made on the Registry page of"
                        + " the environment's Settings, or give the path of one on the console's machine")));
        run.system("load " + archive + " (" + Files.size(archive) / (1024 * 1024) + " MB)");
        try (InputStream in = Files.newInputStream(archive)) {
            docker.loadImageCmd(in).exec();
        }
    }
}
