/**
 * Reads of a running platform's health for the pages: each cluster's Swarm through the viewers' shared node sessions,
 * and the portal's healthcheck asked on each node with the portal's name as Host and TLS server name.
 */
@ApplicationModule(allowedDependencies = {"environment", "node", "swarm"})
package io.reemo.console.health;

import org.springframework.modulith.ApplicationModule;
