package io.reemo.console.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the job engine ({@code console.jobs.*}).
 *
 * @param maxParallelNodes node runs executing at once over all jobs (a bounded pool; more wait their turn)
 * @param maxRunningJobs   jobs executing at once; more stay queued
 * @param maxUnfinishedJobs jobs queued or running at once over all users; more are refused
 * @param maxUnfinishedJobsPerUser jobs one user may have queued or running at once; more are refused
 * @param logQueue         lines waiting to be stored before producers wait (storage is never skipped)
 * @param logBatch         lines stored per transaction at most
 * @param flushInterval    how long a live stream gathers lines before sending them in one write
 * @param flushLines       lines sent per write at most
 * @param heartbeat        comment lines on idle streams so proxies keep them open
 */
@ConfigurationProperties("console.jobs")
public record JobsProperties(Integer maxParallelNodes, Integer maxRunningJobs, Integer maxUnfinishedJobs,
                             Integer maxUnfinishedJobsPerUser, Integer logQueue, Integer logBatch,
                             Duration flushInterval, Integer flushLines, Duration heartbeat) {

    public JobsProperties {
        maxParallelNodes = maxParallelNodes == null ? 64 : maxParallelNodes;
        maxRunningJobs = maxRunningJobs == null ? 16 : maxRunningJobs;
        maxUnfinishedJobs = maxUnfinishedJobs == null ? 64 : maxUnfinishedJobs;
        maxUnfinishedJobsPerUser = maxUnfinishedJobsPerUser == null ? 8 : maxUnfinishedJobsPerUser;
        logQueue = logQueue == null ? 100_000 : logQueue;
        logBatch = logBatch == null ? 5_000 : logBatch;
        flushInterval = flushInterval == null ? Duration.ofMillis(50) : flushInterval;
        flushLines = flushLines == null ? 5_000 : flushLines;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
