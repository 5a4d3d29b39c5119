package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import java.util.List;
import java.util.Set;

/**
 * A kind of job the console can run ({@code facts}, {@code command}, …). Adding one is one class:
 * a Spring component implementing this interface; the API and pages find it by {@link #name()}.
 */
public interface JobType {

    /** The name in the API ({@code {"type": "facts"}}); a contract, never renamed. */
    String name();

    /** Changing jobs hold their environment: one at a time per environment, and only admins start them. */
    boolean changing();

    /** The parameters the type accepts besides {@code type}; anything else is refused as a typo. */
    Set<String> parameterNames();

    /**
     * The steps for this environment and these parameters. Read every parameter through
     * {@code parameters}; problems found there are reported together (400) before anything runs.
     */
    List<Step> plan(Environment environment, JobParameters parameters);
}
