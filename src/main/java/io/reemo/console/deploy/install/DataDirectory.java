package io.reemo.console.deploy.install;

import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.job.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The internal MySQL keeps its data in a directory of its node ({@code MYSQL_DATA_DIR}, platform.md §4.7); Docker
 * refuses a bind mount whose source is missing, so the directory is made on every node that may run reemo_mysql.
 * One that exists is left as it is: it may hold the platform's data.
 */
@Component
class DataDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JobSessions ssh;
    private final MysqlDataNodes dataNodes;

    DataDirectory(JobSessions ssh, MysqlDataNodes dataNodes) {
        this.ssh = ssh;
        this.dataNodes = dataNodes;
    }

    /** Empty when the environment uses an external database. */
    Optional<Step> step(Environment environment) {
        Map<String, String> directories = dataNodes.of(environment);
        List<Node> nodes = environment.nodes().stream().filter(n -> directories.containsKey(n.name())).toList();
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ssh.commandStep("data directory", nodes, node -> {
            String dir = "'" + directories.get(node.name()) + "'";
            return "if [ -d " + dir + " ]; then echo " + dir + " present; else mkdir -p " + dir + " && chmod 700 " + dir
                    + " && echo " + dir + " made; fi";
        }, TIMEOUT));
    }
}
