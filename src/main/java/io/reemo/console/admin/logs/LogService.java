package io.reemo.console.admin.logs;

import io.reemo.console.environment.Node;
import java.util.List;

/**
 * A service whose lines the Logs page can show.
 *
 * @param tag   the syslog tag its containers log under (the catalogue's {@code tag} log option)
 * @param nodes the nodes of the clusters that run it: its tasks may be on any of them
 */
public record LogService(String name, String tag, List<Node> nodes) {
}
