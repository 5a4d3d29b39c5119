/**
 * The registry HTTP API v2: login test, tags in version order.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.registry;

import org.springframework.modulith.ApplicationModule;
