/**
 * What every page shares: sign-in page, the signed-in user, and the frame of one environment's pages (header,
 * tabs, maintenance banner).
 */
@ApplicationModule(allowedDependencies = {"deploy", "environment", "quota"})
package io.reemo.console.web;

import org.springframework.modulith.ApplicationModule;
