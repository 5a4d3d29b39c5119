package io.reemo.console.deploy.install;

import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The internal MySQL keeps its data in {@code /opt/reemo} on the node (platform.md §4.7); Docker refuses a bind
 * mount whose source is missing, so the directory is made on every node that may run reemo_mysql.
 */
@Component
class DataDirectory {

    static final String MYSQL_DATA = "/opt/reemo/mysql";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JobSessions ssh;
    private final VariableCatalogue variables;

    DataDirectory(JobSessions ssh, VariableCatalogue variables) {
        this.ssh = ssh;
        this.variables = variables;
    }

    /** Empty when the environment uses an external database. */
    Optional<Step> step(Environment environment) {
        List<Node> nodes = environment.clusters().stream().filter(Cluster::servesApi)
                .filter(c -> !variables.effective(environment, c).externalDatabase())
                .flatMap(c -> c.nodes().stream()).toList();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ssh.commandStep("data directory", nodes,
                node -> "mkdir -p " + MYSQL_DATA + " && chmod 700 " + MYSQL_DATA + " && echo " + MYSQL_DATA + " ready", TIMEOUT));
    }
}
