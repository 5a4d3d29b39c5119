/**
 * The internal certificate authority and service certificates (BouncyCastle), and checks of uploaded certificates.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.pki;

import org.springframework.modulith.ApplicationModule;
