/**
 * Caps on what one signed-in user, and everyone together, may hold open at once (live log views, job streams, log
 * searches, downloads): each costs SSH connections, remote commands and threads, so none may grow without bound.
 */
@ApplicationModule(allowedDependencies = {})
package io.reemo.console.quota;

import org.springframework.modulith.ApplicationModule;
