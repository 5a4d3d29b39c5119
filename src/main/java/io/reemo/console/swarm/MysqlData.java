package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.reemo.console.catalogue.Component;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.util.List;
import java.util.Optional;

/**
 * Where a running MySQL service keeps its data: the source of its bind mount on {@code /var/lib/mysql}, on the node
 * its task runs on (or, with no task running, the node its placement names). What an adoption must keep as it is.
 *
 * @param hostname  the Swarm node's hostname; empty when neither a task nor a constraint names one
 * @param directory the directory on that node
 */
public record MysqlData(String hostname, String directory) {

    private static final String HOSTNAME_CONSTRAINT = "node.hostname==";

    public static Optional<MysqlData> of(DockerClient docker, ActualService mysql) {
        var container = mysql.spec().getTaskTemplate().getContainerSpec();
        Optional<String> directory = Optional.ofNullable(container.getMounts()).orElse(List.of()).stream()
                .filter(m -> Component.MYSQL_DATA_TARGET.equals(m.getTarget())).map(Mount::getSource).findFirst();
        return directory.map(dir -> new MysqlData(node(docker, mysql), dir));
    }

    private static String node(DockerClient docker, ActualService mysql) {
        List<Task> running = docker.listTasksCmd().withServiceFilter(mysql.spec().getName())
                .withStateFilter(TaskState.RUNNING).exec();
        Optional<String> nodeId = running.stream().map(Task::getNodeId).findFirst();
        if (nodeId.isPresent()) {
            return docker.listSwarmNodesCmd().exec().stream().filter(n -> n.getId().equals(nodeId.get()))
                    .map(SwarmNode::getDescription).map(d -> d.getHostname()).findFirst().orElse("");
        }
        var placement = mysql.spec().getTaskTemplate().getPlacement();
        return Optional.ofNullable(placement == null ? null : placement.getConstraints()).orElse(List.of()).stream()
                .map(c -> c.replace(" ", "")).filter(c -> c.startsWith(HOSTNAME_CONSTRAINT))
                .map(c -> c.substring(HOSTNAME_CONSTRAINT.length())).findFirst().orElse("");
    }
}
