package io.reemo.console.servicelogs;

import io.reemo.console.environment.Node;
import java.util.List;

/**
 * A service whose lines can be shown: what the syslog calls it and where it may run. (A record of the catalogue's
 * answer, not a Spring service.)
 *
 * @param tag   the syslog tag its containers log under (the catalogue's {@code tag} log option)
 * @param nodes the nodes of the clusters that run it: its tasks may be on any of them
 */
public record LoggedService(String name, String tag, List<Node> nodes) {
}
