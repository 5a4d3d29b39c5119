/**
 * Docker Swarm through a docker-java client it is handed: membership, the state read back, the planner that compares
 * it with the desired state, the applier, convergence and rollback watch.
 */
@ApplicationModule(allowedDependencies = "catalogue")
package io.reemo.console.swarm;

import org.springframework.modulith.ApplicationModule;
