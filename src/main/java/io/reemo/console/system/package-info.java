/**
 * The console's own data directory.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.system;

import org.springframework.modulith.ApplicationModule;
