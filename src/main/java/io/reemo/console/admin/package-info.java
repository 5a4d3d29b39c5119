/**
 * The day-2 pages of one installed environment, in sub-packages by feature: the dashboard (and the list of
 * environments), the updates, the maintenance toggle and the service logs. Each is drawn inside the environment's
 * frame from {@code web} (header, tabs, maintenance banner), which the Settings tab and the job pages share.
 * Controllers, forms and view rows only: the reads they show come from {@code health} and {@code servicelogs}.
 */
@ApplicationModule(allowedDependencies = {"catalogue", "deploy", "environment", "health", "job", "pki", "quota", "registry", "servicelogs", "swarm", "web"})
package io.reemo.console.admin;

import org.springframework.modulith.ApplicationModule;
