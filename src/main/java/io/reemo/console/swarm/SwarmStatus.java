package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceUpdateStatus;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one Swarm runs now, as an operator looks at it: its nodes (role, state, resources) and the services the
 * console manages with their desired and running tasks. Plain values, read through any manager in three calls.
 */
public record SwarmStatus(List<NodeStatus> nodes, List<ServiceStatus> services) {

    public SwarmStatus {
        nodes = List.copyOf(nodes);
        services = List.copyOf(services);
    }

    /**
     * @param state        Swarm's view: {@code ready}, {@code down}, {@code unknown}, {@code disconnected}
     * @param reachability for managers: {@code reachable}, {@code unreachable}, {@code unknown}; empty for workers
     */
    public record NodeStatus(String hostname, String address, String role, boolean leader, String availability,
                             String state, String reachability, int cpus, long memoryBytes, String engineVersion) {
    }

    /**
     * @param desired     the replicas asked for; for a global service, the tasks Swarm wants running (one per eligible node)
     * @param running     tasks running now
     * @param nodes       hostnames of the nodes the running tasks are on, sorted
     * @param runningVersions the image tags the running tasks run, sorted, each once: one, or during a rolling update
     *                    two; empty when no task runs
     * @param updatedAt   when Swarm last changed the service (create, update, scale, rollback)
     * @param updateState the last rolling update's state ({@code completed}, {@code rollback completed}, …), empty if none
     */
    public record ServiceStatus(String name, String image, int desired, int running, boolean global, List<String> nodes,
                                List<String> runningVersions, Instant updatedAt, String updateState, String updateMessage) {

        public ServiceStatus {
            nodes = List.copyOf(nodes);
            runningVersions = List.copyOf(runningVersions);
        }

        /** The version Swarm is asked to run: the tag of the service's image. */
        public String version() {
            return tag(image);
        }

        /** The tag of an image reference, after the last colon (digest dropped); {@code latest} when it has none. */
        public static String tag(String image) {
            String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            int colon = reference.lastIndexOf(':');
            return colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : "latest";
        }
    }

    public static SwarmStatus read(DockerClient docker) {
        List<SwarmNode> swarmNodes = docker.listSwarmNodesCmd().exec();
        Map<String, String> hostnames = SwarmReader.hostnames(swarmNodes);
        List<Task> tasks = docker.listTasksCmd().withStateFilter(TaskState.RUNNING).exec();
        List<ServiceStatus> services = SwarmReader.managedServices(docker).stream()
                .map(service -> service(service, tasks, hostnames))
                .sorted(Comparator.comparing(ServiceStatus::name)).toList();
        List<NodeStatus> nodes = swarmNodes.stream().map(SwarmStatus::node)
                .sorted(Comparator.comparing(NodeStatus::hostname)).toList();
        return new SwarmStatus(nodes, services);
    }

    private static ServiceStatus service(Service service, List<Task> desiredRunning, Map<String, String> hostnames) {
        var spec = service.getSpec();
        List<Task> own = desiredRunning.stream().filter(t -> service.getId().equals(t.getServiceId())).toList();
        List<Task> running = own.stream().filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING).toList();
        boolean global = spec.getMode().getGlobal() != null;
        int desired = global ? own.size() : (int) spec.getMode().getReplicated().getReplicas();
        List<String> nodes = running.stream().map(t -> hostnames.getOrDefault(t.getNodeId(), t.getNodeId())).sorted().toList();
        String image = spec.getTaskTemplate().getContainerSpec().getImage();
        // Each task keeps the spec it was started with: during a rolling update, old and new images run side by side.
        List<String> versions = running.stream().map(t -> t.getSpec() == null || t.getSpec().getContainerSpec() == null
                ? image : t.getSpec().getContainerSpec().getImage()).map(ServiceStatus::tag).distinct().sorted().toList();
        Optional<ServiceUpdateStatus> update = Optional.ofNullable(service.getUpdateStatus());
        return new ServiceStatus(spec.getName(), image, desired, running.size(),
                global, nodes, versions, Optional.ofNullable(service.getUpdatedAt()).map(d -> d.toInstant()).orElse(null),
                update.map(ServiceUpdateStatus::getState).map(s -> words(s.name())).orElse(""),
                update.map(ServiceUpdateStatus::getMessage).orElse(""));
    }

    private static NodeStatus node(SwarmNode node) {
        var description = node.getDescription();
        var resources = description.getResources();
        var manager = Optional.ofNullable(node.getManagerStatus());
        return new NodeStatus(description.getHostname(), node.getStatus().getAddress(), words(node.getSpec().getRole().name()),
                manager.map(m -> m.isLeader()).orElse(false), words(node.getSpec().getAvailability().name()),
                words(node.getStatus().getState().name()),
                manager.map(m -> m.getReachability()).map(r -> words(r.name())).orElse(""),
                resources == null || resources.getNanoCPUs() == null ? 0 : (int) (resources.getNanoCPUs() / 1_000_000_000L),
                resources == null || resources.getMemoryBytes() == null ? 0 : resources.getMemoryBytes(),
                description.getEngine() == null ? "" : description.getEngine().getEngineVersion());
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
