package io.reemo.console.swarm;

import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateOrder;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.swarm.ActualCluster.ActualService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one comparison of a desired service with the service Swarm runs, field by field, for every field the console
 * sets. The desired side goes through {@link DockerServiceSpecs}, so both sides are read from Docker's spec the same
 * way, and only the parts the console writes count: Docker fills in defaults of its own when it stores a spec
 * (restart delay, network IDs, image digests), which are no difference.
 */
public final class ServiceComparison {

    /** The console's own labels: the one field an adoption always changes. */
    public static final String LABELS = "labels";

    private static final List<Field> FIELDS = List.of(
            new Field("name", false, false, s -> List.of(s.spec().getName())),
            new Field(LABELS, false, false, s -> DockerServiceSpecs.CONSOLE_LABELS.stream()
                    .map(key -> key + "=" + labels(s.spec()).getOrDefault(key, "")).toList()),
            new Field("image", true, false, s -> List.of(Planner.withoutDigest(container(s).getImage()))),
            new Field("replicas", false, false, s -> List.of(s.spec().getMode().getGlobal() != null ? "global"
                    : String.valueOf(s.spec().getMode().getReplicated().getReplicas()))),
            new Field("constraints", true, false, s -> sorted(placement(s).map(p -> p.getConstraints()).orElse(null))),
            new Field("max per node", true, false, s -> List.of(placement(s).map(p -> p.getMaxReplicas())
                    .filter(max -> max > 0).map(String::valueOf).orElse("unlimited"))),
            new Field("env", true, false, s -> sorted(container(s).getEnv())),
            new Field("secrets", true, false, s -> sorted(list(container(s).getSecrets()).stream()
                    .map(secret -> secret.getSecretName() + " as " + file(secret.getFile())).toList())),
            new Field("configs", true, false, s -> sorted(list(container(s).getConfigs()).stream()
                    .map(config -> config.getConfigName() + " as " + file(config.getFile())).toList())),
            new Field("networks", true, false, s -> sorted(s.networks())),
            new Field("mounts", true, false, s -> sorted(list(container(s).getMounts()).stream()
                    .map(m -> m.getType() + " " + m.getSource() + " on " + m.getTarget()).toList())),
            new Field("args", true, true, s -> list(container(s).getArgs())),
            new Field("logging", true, false, s -> Stream.concat(Stream.of("driver " + log(s).map(Driver::getName).orElse("default")),
                    sorted(log(s).map(Driver::getOptions).orElse(Map.of()).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList()).stream()).toList()),
            new Field("restart", true, false, s -> List.of(String.valueOf(Optional.ofNullable(task(s).getRestartPolicy())
                    .map(p -> p.getCondition()).orElse(null)).toLowerCase())),
            new Field("endpoint mode", true, false, s -> List.of(Optional.ofNullable(s.spec().getEndpointSpec())
                    .map(EndpointSpec::getMode).map(mode -> mode.name().toLowerCase()).orElse("vip"))),
            new Field("ports", true, false, s -> sorted(Optional.ofNullable(s.spec().getEndpointSpec())
                    .map(EndpointSpec::getPorts).map(ServiceComparison::list).orElse(List.of()).stream()
                    .map(p -> p.getPublishedPort() + ":" + p.getTargetPort() + "/" + p.getProtocol() + " " + p.getPublishMode())
                    .toList())),
            new Field("update config", false, false, s -> List.of(update(s.spec().getUpdateConfig()))),
            new Field("rollback config", false, false, s -> List.of(update(s.spec().getRollbackConfig()))));

    private ServiceComparison() {
    }

    /**
     * What differs, as the plan and the drift name it.
     *
     * @param recorded what the console would write, as short text; for lists only the entries the running side lacks
     * @param running  what runs, the same way; secrets are named (their names carry a hash of the content), never shown
     */
    public record Difference(String field, String recorded, String running) {

        @Override
        public String toString() {
            return field + " " + running + " → " + recorded;
        }
    }

    /** The differences between {@code desired}, written as the applier would write it, and {@code running}. */
    public static List<Difference> compare(io.reemo.console.catalogue.ServiceSpec desired, DesiredCluster cluster,
                                           ActualService running) {
        ServiceSpec written = DockerServiceSpecs.of(desired, cluster, Map.of(), Map.of());
        Side recorded = new Side(written, list(written.getTaskTemplate().getNetworks()).stream()
                .map(NetworkAttachmentConfig::getTarget).toList());
        Side actual = new Side(running.spec(), running.networks());
        List<Difference> differences = new ArrayList<>();
        for (Field field : FIELDS) {
            List<String> want = field.values().apply(recorded);
            List<String> have = field.values().apply(actual);
            if (!want.equals(have)) {
                differences.add(field.ordered() ? new Difference(field.name(), text(want), text(have))
                        : shortDifference(field.name(), want, have));
            }
        }
        return differences;
    }

    /**
     * Whether Swarm replaces the tasks one by one when this field changes: it does for the task template and for the
     * endpoint (mode, ports), which each task carries a copy of, not for the name, labels, mode or update configs.
     */
    public static boolean replacesTasks(String field) {
        return FIELDS.stream().anyMatch(f -> f.name().equals(field) && f.replacesTasks());
    }

    /** All the field names the comparison knows, in its order. */
    static List<String> fieldNames() {
        return FIELDS.stream().map(Field::name).toList();
    }

    /** Both sides with the entries they share left out, so that one changed variable reads as that variable. */
    private static Difference shortDifference(String field, List<String> want, List<String> have) {
        List<String> onlyWanted = want.stream().filter(v -> !have.contains(v)).toList();
        List<String> onlyRunning = have.stream().filter(v -> !want.contains(v)).toList();
        if (onlyWanted.isEmpty() && onlyRunning.isEmpty()) {
            return new Difference(field, text(want), text(have));
        }
        if ("image".equals(field) && repository(want.get(0)).equals(repository(have.get(0)))) {
            return new Difference(field, Planner.imageTag(want.get(0)), Planner.imageTag(have.get(0)));
        }
        return new Difference(field, text(onlyWanted), text(onlyRunning));
    }

    /** {@code registry:5000/reemoinfraapi:2.13.10} → {@code registry:5000/reemoinfraapi:}, without any digest. */
    static String repository(String image) {
        String tag = Planner.imageTag(image);
        return image.equals(tag) ? image : image.substring(0, image.length() - tag.length());
    }

    private static String text(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    private static String file(ContainerSpecFile file) {
        return file == null ? "no file" : file.getName() + " (" + file.getUid() + ":" + file.getGid() + " "
                + (file.getMode() == null ? "default" : Long.toOctalString(file.getMode())) + ")";
    }

    /** Only what the console sets: Docker adds its own defaults (delay, failure ratio) when it stores the spec. */
    private static String update(UpdateConfig config) {
        return config == null ? "default" : "parallelism " + config.getParallelism() + ", monitor "
                + Duration.ofNanos(Objects.requireNonNullElse(config.getMonitor(), 0L)).toSeconds() + " s, "
                + (config.getOrder() == UpdateOrder.START_FIRST ? "start-first" : "stop-first") + ", on failure "
                + String.valueOf(config.getFailureAction()).toLowerCase();
    }

    private static TaskSpec task(Side side) {
        return side.spec().getTaskTemplate();
    }

    private static com.github.dockerjava.api.model.ContainerSpec container(Side side) {
        return task(side).getContainerSpec();
    }

    private static Optional<com.github.dockerjava.api.model.ServicePlacement> placement(Side side) {
        return Optional.ofNullable(task(side).getPlacement());
    }

    private static Optional<Driver> log(Side side) {
        return Optional.ofNullable(task(side).getLogDriver());
    }

    private static Map<String, String> labels(ServiceSpec spec) {
        return spec.getLabels() == null ? Map.of() : spec.getLabels();
    }

    /** Docker leaves out empty lists when it returns a spec, and the console leaves out some it does not need. */
    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** For fields whose order means nothing to Docker (env, constraints, secrets…), which it may return reordered. */
    private static List<String> sorted(Collection<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    /** One side of the comparison: a spec as Docker holds it, with its networks by name (Docker stores their IDs). */
    private record Side(ServiceSpec spec, List<String> networks) {
    }

    /**
     * @param replacesTasks a change makes Swarm replace the tasks ({@link #replacesTasks(String)})
     * @param ordered       the order of the values matters (args), so the difference shows them all
     */
    private record Field(String name, boolean replacesTasks, boolean ordered, Function<Side, List<String>> values) {
    }
}
