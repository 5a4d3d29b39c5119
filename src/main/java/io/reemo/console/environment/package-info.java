/**
 * The validated model of one platform (clusters, nodes, variables, secrets), the variable catalogue (every
 * variable: type, scope, default, help), validation ({@code environment.validation}) and persistence ({@code environment.store}).
 */
@ApplicationModule(allowedDependencies = "secrets")
package io.reemo.console.environment;

import org.springframework.modulith.ApplicationModule;
