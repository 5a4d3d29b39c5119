/**
 * Users, sign-in, roles, API tokens and the audit log.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.security;

import org.springframework.modulith.ApplicationModule;
