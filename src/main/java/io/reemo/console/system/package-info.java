/**
 * The console's own process: its data directory, and the HTTPS it answers with (its own certificate unless the
 * operator gives one).
 */
@ApplicationModule(allowedDependencies = {"pki", "secrets", "security"})
package io.reemo.console.system;

import org.springframework.modulith.ApplicationModule;
