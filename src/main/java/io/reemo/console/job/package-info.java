/**
 * The job engine: jobs made of steps run on nodes, one changing job per environment, the log store (persist first,
 * then publish) and the live, gap-free follow of a job's log. Knows nothing of SSH, environments or HTML.
 */
@ApplicationModule(allowedDependencies = {"quota", "secrets"})
package io.reemo.console.job;

import org.springframework.modulith.ApplicationModule;
