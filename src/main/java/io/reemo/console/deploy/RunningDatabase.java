package io.reemo.console.deploy;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.Component;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.swarm.ActualCluster;
import io.reemo.console.swarm.ActualCluster.ActualService;
import io.reemo.console.swarm.MysqlData;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the reemo_mysql a cluster runs keeps its data, as the inventory node and directory the environment records
 * ({@code MYSQL_NODE}, {@code MYSQL_DATA_DIR}): an adoption keeps the database exactly there, and its plan shows it so.
 *
 * @param node      the inventory name of the node that holds the data
 * @param directory the directory there, mounted on the container's data directory
 */
record RunningDatabase(String node, String directory) {

    /**
     * Empty when the cluster runs no reemo_mysql.
     *
     * @throws DeployException when it runs one whose data the console cannot place: no data mount, or a node not in the
     *                         inventory
     */
    static Optional<RunningDatabase> of(Cluster cluster, DockerClient docker, ActualCluster actual) {
        String name = Component.MYSQL.serviceName();
        ActualService mysql = Objects.requireNonNullElse(actual.unlabelled().get(name), actual.services().get(name));
        if (mysql == null) {
            return Optional.empty();
        }
        MysqlData data = MysqlData.of(docker, mysql).orElseThrow(() -> new DeployException(cluster.group() + ": " + name
                + " mounts nothing on its data directory (" + Component.MYSQL_DATA_TARGET + "): the console cannot tell where"
                + " its data is, and adopts nothing rather than guess"));
        Node node = cluster.nodes().stream().filter(n -> data.hostname().equals(hostname(n))).findFirst()
                .orElseThrow(() -> new DeployException(cluster.group() + ": " + name + " runs on the node with hostname '"
                        + data.hostname() + "', which no node of the inventory has: run the facts job, or add that node"));
        return Optional.of(new RunningDatabase(node.name(), data.directory()));
    }

    /** The environment with this location recorded in the cluster's group, where it wins over all.vars. */
    Environment keptIn(Environment environment, String group) {
        return environment.withVariableIn(group, "MYSQL_DATA_DIR", directory).withVariableIn(group, "MYSQL_NODE", node);
    }

    private static String hostname(Node node) {
        return node.facts() != null && node.facts().hostname() != null ? node.facts().hostname() : node.name();
    }
}
