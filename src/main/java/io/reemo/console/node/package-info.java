/**
 * The one road to a node: SSH with the pinned host key and the Docker API through that SSH connection, as a
 * {@link io.reemo.console.node.NodeSession}; who holds sessions how long ({@link io.reemo.console.node.NodeSessions},
 * {@link io.reemo.console.node.ViewerSessions}); every timeout; the host-key probe; checks run from the nodes.
 * Nothing outside this module opens an SSH connection or a Docker client.
 */
@ApplicationModule(allowedDependencies = {"environment", "secrets"})
package io.reemo.console.node;

import org.springframework.modulith.ApplicationModule;
