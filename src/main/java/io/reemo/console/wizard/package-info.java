/**
 * The setup wizard (topology or imported inventory, nodes with host-key pinning and facts, the catalogue-driven
 * settings pages, checks run from the nodes, review with the plan, install) and an installed environment's Settings tab.
 */
@ApplicationModule(allowedDependencies = {"deploy", "environment", "inventory", "job", "node", "pki", "registry", "secrets", "security", "web"})
package io.reemo.console.wizard;

import org.springframework.modulith.ApplicationModule;
