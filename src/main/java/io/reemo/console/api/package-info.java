/**
 * The REST API under {@code /api/v1} for scripts: environments, host keys, inventory import/export, jobs and plans;
 * every error of every REST controller as one RFC 9457 problem document ({@link io.reemo.console.api.ProblemDetailAdvice}).
 */
@ApplicationModule(allowedDependencies = {"deploy", "environment", "inventory", "job", "node", "quota", "secrets", "security"})
package io.reemo.console.api;

import org.springframework.modulith.ApplicationModule;
