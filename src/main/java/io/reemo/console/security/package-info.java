/**
 * Users, sign-in (local passwords, or an LDAP / Active Directory directory), roles, API tokens and the audit log.
 */
@ApplicationModule(allowedDependencies = "secrets")
package io.reemo.console.security;

import org.springframework.modulith.ApplicationModule;
