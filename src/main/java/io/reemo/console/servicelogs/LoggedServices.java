package io.reemo.console.servicelogs;

import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Node;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which services an environment runs, under which syslog tag, on which nodes: the catalogue's answer. */
@Component
public class LoggedServices {

    private static final Set<String> RED_HAT_LIKE = Set.of("rhel", "rocky", "almalinux", "centos", "fedora", "ol");
    static final String DEBIAN_FILE = "/var/log/syslog";
    static final String RED_HAT_FILE = "/var/log/messages";

    private final Environments environments;
    private final ServiceCatalogue catalogue;

    LoggedServices(Environments environments, ServiceCatalogue catalogue) {
        this.environments = environments;
        this.catalogue = catalogue;
    }

    /** In catalogue order; a service of several clusters (the portal in dedicated mode) is listed once. */
    public List<LoggedService> of(long environmentId, boolean maintenance) {
        Environment environment = environments.get(environmentId);
        Map<String, LoggedService> byName = new LinkedHashMap<>();
        for (DesiredCluster cluster : catalogue.desiredState(environment, CatalogueInput.withoutTls().withMaintenance(maintenance)).clusters()) {
            List<Node> nodes = environment.cluster(cluster.group()).orElseThrow().nodes();
            for (ServiceSpec spec : cluster.services()) {
                String tag = spec.logOptions().getOrDefault("tag", spec.name());
                byName.merge(spec.name(), new LoggedService(spec.name(), tag, nodes),
                        (known, more) -> new LoggedService(known.name(), known.tag(), union(known.nodes(), more.nodes())));
            }
        }
        return List.copyOf(byName.values());
    }

    /** The nodes any of the services may run on, each once, in inventory order. */
    public static List<Node> nodesOf(Collection<LoggedService> services) {
        List<Node> nodes = List.of();
        for (LoggedService service : services) {
            nodes = union(nodes, service.nodes());
        }
        return nodes;
    }

    static Set<String> names(Collection<LoggedService> services) {
        return services.stream().map(LoggedService::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The syslog tags to keep, each once. */
    static List<String> tags(Collection<LoggedService> services) {
        return services.stream().map(LoggedService::tag).distinct().toList();
    }

    /** Where the node's syslog should be, most likely first (product-calls.md §16); the script takes the first readable. */
    static List<String> syslogFiles(Node node) {
        boolean redHat = node.facts() != null && node.facts().os() != null && RED_HAT_LIKE.contains(node.facts().os());
        return redHat ? List.of(RED_HAT_FILE, DEBIAN_FILE) : List.of(DEBIAN_FILE, RED_HAT_FILE);
    }

    private static List<Node> union(List<Node> first, List<Node> second) {
        Map<String, Node> byName = new LinkedHashMap<>();
        first.forEach(node -> byName.putIfAbsent(node.name(), node));
        second.forEach(node -> byName.putIfAbsent(node.name(), node));
        return List.copyOf(byName.values());
    }
}
