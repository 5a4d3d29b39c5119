package io.reemo.console.deploy.adopt;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.ForeignObjects;
import io.reemo.console.swarm.Planner;
import io.reemo.console.swarm.SwarmReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The last step of an adoption that names something to remove: each named entry must be among what the console left
 * alone in a cluster (never a service or object of its own), and goes only after the platform verified.
 */
@Component
class NamedRemoval {

    private final JobSessions sessions;

    NamedRemoval(JobSessions sessions) {
        this.sessions = sessions;
    }

    Step step(Supplier<Environment> environment, Supplier<DesiredState> desired, List<String> named) {
        return Step.onConsole("remove what was named", run -> {
            Environment env = environment.get();
            List<String> pending = new ArrayList<>(named);
            for (DesiredCluster cluster : desired.get().clusters()) {
                DockerClient docker = sessions.docker(run, env.cluster(cluster.group()).orElseThrow().nodes().get(0));
                List<String> alone = Planner.leftAlone(cluster, SwarmReader.read(docker));
                for (String entry : List.copyOf(pending)) {
                    if (alone.contains(entry)) {
                        ForeignObjects.remove(docker, entry);
                        run.system(cluster.group() + ": removed " + entry);
                        pending.remove(entry);
                    }
                }
            }
            pending.forEach(entry -> run.stderr(entry + ": not among what the console left alone in any cluster; nothing removed"));
            return pending.isEmpty() ? 0 : 1;
        });
    }
}
