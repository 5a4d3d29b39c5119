package io.reemo.console.deploy.install;

import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.SwarmMembership.Member;
import io.reemo.console.swarm.SwarmMembership;
import org.springframework.stereotype.Component;

/** One Swarm per cluster: init on its first node, join the others as managers, adopt what exists. */
@Component
class SwarmSetup {

    private final JobSessions sessions;

    SwarmSetup(JobSessions sessions) {
        this.sessions = sessions;
    }

    Step step(Environment environment) {
        return Step.onConsole("swarm", run -> {
            for (Cluster cluster : environment.clusters()) {
                run.system(cluster.group() + ": " + cluster.nodes().size() + " manager(s)");
                var members = cluster.nodes().stream()
                        .map(node -> new Member(node.name(), node.address(), sessions.docker(run, node))).toList();
                String id = SwarmMembership.ensure(members, run::system);
                run.system(cluster.group() + ": Swarm " + id + " ready");
            }
            return 0;
        });
    }
}
