package io.reemo.console.deploy;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.Component;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.swarm.ActualCluster;
import io.reemo.console.swarm.ActualCluster.ActualService;
import io.reemo.console.swarm.MysqlData;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an adoption keeps exactly as the platform runs it, whatever the inventory said: the overlay network its services
 * share ({@code SWARM_NETWORK}: moving them to another one while they are converged one by one would cut Traefik off
 * from the services not moved yet), and where the running reemo_mysql keeps its data ({@code MYSQL_NODE},
 * {@code MYSQL_DATA_DIR}). The adoption records it; the plan of a platform not adopted yet shows it already.
 *
 * @param network       the network most of the services the catalogue names run on; {@code null} when none runs
 * @param dataNode      the inventory name of the node that holds the database's data; {@code null} without reemo_mysql
 * @param dataDirectory the directory there, mounted on the container's data directory
 */
record RunningPlacement(String network, String dataNode, String dataDirectory) {

    /**
     * @throws DeployException when reemo_mysql runs but the console cannot place its data: no data mount, or a node not
     *                         in the inventory; it adopts nothing rather than guess
     */
    static RunningPlacement of(Cluster cluster, DockerClient docker, ActualCluster actual) {
        String network = actual.unlabelled().entrySet().stream().filter(e -> Component.names(e.getKey()))
                .flatMap(e -> e.getValue().networks().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        String name = Component.MYSQL.serviceName();
        ActualService mysql = Objects.requireNonNullElse(actual.unlabelled().get(name), actual.services().get(name));
        if (mysql == null) {
            return new RunningPlacement(network, null, null);
        }
        MysqlData data = MysqlData.of(docker, mysql).orElseThrow(() -> new DeployException(cluster.group() + ": " + name
                + " mounts nothing on its data directory (" + Component.MYSQL_DATA_TARGET + "): the console cannot tell where"
                + " its data is, and adopts nothing rather than guess"));
        Node node = cluster.nodes().stream().filter(n -> data.hostname().equals(hostname(n))).findFirst()
                .orElseThrow(() -> new DeployException(cluster.group() + ": " + name + " runs on the node with hostname '"
                        + data.hostname() + "', which no node of the inventory has: run the facts job, or add that node"));
        return new RunningPlacement(network, node.name(), data.directory());
    }

    /** The environment with what runs recorded in the cluster's group, where it wins over all.vars. */
    Environment keptIn(Environment environment, String group) {
        Environment kept = environment;
        if (network != null) {
            kept = kept.withVariableIn(group, "SWARM_NETWORK", network);
        }
        if (dataDirectory != null) {
            kept = kept.withVariableIn(group, "MYSQL_DATA_DIR", dataDirectory).withVariableIn(group, "MYSQL_NODE", dataNode);
        }
        return kept;
    }

    /** What the job log says of it. */
    Optional<String> describe(String group) {
        if (network == null && dataDirectory == null) {
            return Optional.empty();
        }
        return Optional.of(group + ": kept as it runs: " + (network == null ? "" : "the services' network " + network
                + " (SWARM_NETWORK)") + (network != null && dataDirectory != null ? "; " : "") + (dataDirectory == null ? ""
                : "the database's data in " + dataDirectory + " on " + dataNode + " (MYSQL_DATA_DIR, MYSQL_NODE)"));
    }

    private static String hostname(Node node) {
        return node.facts() != null && node.facts().hostname() != null ? node.facts().hostname() : node.name();
    }
}
