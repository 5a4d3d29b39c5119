/**
 * The Reemo service catalogue: a pure function from an environment to the desired Swarm state of each cluster,
 * and the update tags in their mandatory order. No I/O, so all of "what would be deployed" is testable in milliseconds.
 */
@ApplicationModule(allowedDependencies = "environment")
package io.reemo.console.catalogue;

import org.springframework.modulith.ApplicationModule;
