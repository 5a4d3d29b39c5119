package io.reemo.console.deploy;

import io.reemo.console.job.Job;
import io.reemo.console.job.JobLog;
import io.reemo.console.job.LogChannel;
import io.reemo.console.job.LogLine;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The last proof that an environment's platform serves: the newest job whose {@code verify} step ran to its end, a
 * {@code verify} job or the last step of an install, update or maintenance, with the lines of the checks that failed.
 */
@Service
public class VerifyResults {

    /** At most this many failing lines are kept; the job's log has them all. */
    static final int MAX_FAILURES = 20;
    private static final int LINES_READ = 2000;

    /**
     * @param at       when the step ended
     * @param failures the stderr lines of the step, at most {@link #MAX_FAILURES}; empty when it passed
     */
    public record VerifyResult(Job job, boolean passed, Instant at, List<String> failures) {
    }

    private final Jobs jobs;
    private final JobLog log;

    VerifyResults(Jobs jobs, JobLog log) {
        this.jobs = jobs;
        this.log = log;
    }

    public Optional<VerifyResult> last(long environmentId) {
        return jobs.lastWithFinishedStep(environmentId, VerifyParameters.STEP).map(this::result);
    }

    private VerifyResult result(Job job) {
        Job.StepState step = job.steps().stream().filter(s -> s.name().equals(VerifyParameters.STEP)).reduce((a, b) -> b).orElseThrow();
        boolean passed = step.status() == StepStatus.SUCCEEDED;
        List<String> failures = passed ? List.of() : log.search(job.id(), Long.MAX_VALUE, VerifyParameters.STEP, null, null, LINES_READ)
                .stream().filter(line -> line.stream() == LogChannel.STDERR).map(LogLine::text).limit(MAX_FAILURES).toList();
        return new VerifyResult(job, passed, step.finishedAt(), failures);
    }
}
