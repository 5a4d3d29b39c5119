/**
 * The job pages: the history at {@code /jobs}, a job's live view and its stream of HTML fragments (templates/jobs).
 */
@ApplicationModule(allowedDependencies = {"deploy", "environment", "job", "quota"})
package io.reemo.console.jobs;

import org.springframework.modulith.ApplicationModule;
