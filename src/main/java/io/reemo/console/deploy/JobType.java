package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import java.util.List;

/**
 * A kind of job the console can run ({@code facts}, {@code command}, …). Adding one is a parameters record (a new
 * member of {@link JobParameters}) and a Spring component implementing this interface; the API and pages find
 * it by {@link #name()}.
 *
 * @param <P> its parameters
 */
public interface JobType<P extends JobParameters> {

    /** The name in the API ({@code {"type": "facts"}}); a contract, never renamed. */
    String name();

    /** Changing jobs hold their environment: one at a time per environment. */
    boolean changing();

    /**
     * The least role that may start it ({@link io.reemo.console.security.Roles}): every job logs in to the nodes
     * with the stored credentials, so none is for viewers.
     */
    String role();

    /** Its parameters' record: the API takes its components as the fields besides {@code type}, anything else is a typo. */
    Class<P> parametersType();

    /**
     * Everything wrong with these parameters on this environment (which may not be stored yet), each problem naming
     * its field and what to send instead: the job starts only when there is none, and they are reported together.
     */
    List<ParameterProblem> check(Environment environment, P parameters);

    /** The steps for this environment and these parameters, which passed {@link #check}. */
    List<Step> plan(Environment environment, P parameters);
}
