package io.reemo.console.wizard;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.node.NodeChecks;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Test" on the Database page: whether every API node reaches the external database (product-calls.md §9). */
@Controller
class DatabaseCheckController {

    static final int MYSQL_PORT = 3306;
    /** {@code host:port}, a host name or IPv4 address with a port; anything else is a host alone. */
    private static final Pattern HOST_PORT = Pattern.compile("([^:]+):(\\d{1,5})");

    private final WizardDrafts drafts;
    private final SettingsForm settings;
    private final VariableCatalogue catalogue;
    private final NodeChecks nodeChecks;

    DatabaseCheckController(WizardDrafts drafts, SettingsForm settings, VariableCatalogue catalogue, NodeChecks nodeChecks) {
        this.drafts = drafts;
        this.settings = settings;
        this.catalogue = catalogue;
        this.nodeChecks = nodeChecks;
    }

    @PostMapping("/wizard/{id}/database/test")
    String test(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        Draft draft = drafts.require(id);
        Environment environment = drafts.save(draft.with(settings.apply(WizardPage.DATABASE_PAGE, draft.environment(), form))).environment();
        Cluster api = apiCluster(environment);
        String dbHost = catalogue.effective(environment, api).text("DB_HOST").map(String::strip).orElse("");
        if (dbHost.isEmpty()) {
            model.addAttribute("dbMessage", "DB_HOST is empty: the platform runs its internal MySQL (reemo_mysql), so there is nothing to reach.");
            return "wizard/database :: result";
        }
        List<Node> nodes = api.nodes();
        if (nodes.isEmpty()) {
            model.addAttribute("dbMessage", "No API node yet: add the nodes of " + api.group() + " first.");
            return "wizard/database :: result";
        }
        Matcher hostPort = HOST_PORT.matcher(dbHost);
        String host = hostPort.matches() ? hostPort.group(1) : dbHost;
        int port = hostPort.matches() ? Integer.parseInt(hostPort.group(2)) : MYSQL_PORT;
        model.addAttribute("target", host + ":" + port);
        try {
            List<NodeChecks.NodeCheck> checks = nodeChecks.tcpConnect(nodes, host, port);
            model.addAttribute("dbChecks", checks);
            model.addAttribute("dbAllOk", checks.stream().allMatch(NodeChecks.NodeCheck::ok));
        } catch (IllegalArgumentException e) {
            model.addAttribute("dbMessage", "DB_HOST: " + e.getMessage() + ".");
        }
        return "wizard/database :: result";
    }

    /** The nodes that run the API: the API cluster of a dedicated platform, else the one cluster. */
    private static Cluster apiCluster(Environment environment) {
        return environment.topology() == Topology.DEDICATED
                ? environment.cluster(Cluster.API).orElseThrow()
                : environment.clusters().get(0);
    }
}
