/**
 * Encryption of stored secrets (AES-256-GCM, the master key) and masking of known secret values in every output.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.secrets;

import org.springframework.modulith.ApplicationModule;
