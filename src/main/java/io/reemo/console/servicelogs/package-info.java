/**
 * The services' own logs on the nodes: live tails and searches of each node's syslog over the node sessions,
 * merged by time; the Logs page in {@code admin.logs} only renders them.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "environment", "node", "secrets"})
package io.reemo.console.servicelogs;

import org.springframework.modulith.ApplicationModule;
