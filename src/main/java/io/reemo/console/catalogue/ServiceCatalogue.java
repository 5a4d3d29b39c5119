package io.reemo.console.catalogue;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The Reemo service catalogue: environment → the Swarm state each cluster should have. A pure function:
 * no I/O, so everything an install would deploy is testable in milliseconds.
 */
@Service
public class ServiceCatalogue {

    private final VariableCatalogue variables;

    public ServiceCatalogue(VariableCatalogue variables) {
        this.variables = variables;
    }

    public DesiredState desiredState(Environment environment, CatalogueInput input) {
        return new DesiredState(environment.clusters().stream()
                .map(cluster -> desiredCluster(environment, cluster, input))
                .toList());
    }

    public DesiredCluster desiredCluster(Environment environment, Cluster cluster, CatalogueInput input) {
        EffectiveVariables vars = variables.effective(environment, cluster);
        return new ClusterServices(cluster, vars, input).build();
    }

    /** What the cluster's Traefik routes, as the desired state with this maintenance switch configures it. */
    public List<Route> routes(Environment environment, Cluster cluster, boolean maintenance) {
        EffectiveVariables vars = variables.effective(environment, cluster);
        return new ClusterServices(cluster, vars, CatalogueInput.withoutTls().withMaintenance(maintenance)).routes();
    }

    /** The services that an update with these tags touches, in every cluster. */
    public static boolean selectedByTags(ServiceSpec service, List<String> tags) {
        return service.tag() != null && tags.contains(service.tag());
    }
}
