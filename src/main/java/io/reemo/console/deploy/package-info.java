/**
 * The job types that change or read the servers ({@code install}, {@code update}, {@code maintenance}, {@code facts},
 * {@code command}), built from steps; their typed parameters and {@link io.reemo.console.deploy.JobLauncher}; the plan
 * of what an apply would change; the deployment records (INIT_DB, maintenance, versions). Sub-packages by feature.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "environment", "health", "job", "node", "pki", "secrets", "security",
        "servicelogs", "swarm"})
package io.reemo.console.deploy;

import org.springframework.modulith.ApplicationModule;
