package io.reemo.console.deploy.install;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The nodes that may run the internal reemo_mysql, each with the directory that holds its data there: the MySQL node
 * ({@code MYSQL_NODE}, else the API cluster's first), or every node of the cluster when {@code OPT_REEMO_REPLICATED}
 * says the directory is replicated. None with an external database.
 */
@Component
class MysqlDataNodes {

    private final VariableCatalogue variables;

    MysqlDataNodes(VariableCatalogue variables) {
        this.variables = variables;
    }

    /** Node name → data directory. */
    Map<String, String> of(Environment environment) {
        Map<String, String> directories = new LinkedHashMap<>();
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = variables.effective(environment, cluster);
            if (!cluster.servesApi() || vars.externalDatabase() || cluster.nodes().isEmpty()) {
                continue;
            }
            if (vars.isTrue("OPT_REEMO_REPLICATED")) {
                cluster.nodes().forEach(node -> directories.put(node.name(), vars.mysqlDataDirectory()));
            } else {
                String dataNode = vars.text("MYSQL_NODE").filter(name -> cluster.nodes().stream().anyMatch(n -> n.name().equals(name)))
                        .orElse(cluster.nodes().get(0).name());
                directories.put(dataNode, vars.mysqlDataDirectory());
            }
        }
        return directories;
    }
}
