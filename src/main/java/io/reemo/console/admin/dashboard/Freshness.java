package io.reemo.console.admin.dashboard;

import io.reemo.console.job.Job;
import java.time.Instant;
import java.util.List;

/**
 * How old the reading on screen is, and what happened since it was taken: a page never passes an old reading for a
 * current one, nor shows it beside newer job results without saying so.
 *
 * @param age       {@code 3 s ago}
 * @param stale     the refresh took longer than a poll waits, so the previous reading is shown
 * @param jobsAfter the jobs shown on the page that ended after the reading was taken
 */
record Freshness(String age, boolean stale, List<Long> jobsAfter) {

    static Freshness of(Instant takenAt, Instant now, DashboardProperties properties, List<Job> shownJobs) {
        return new Freshness(When.ago(takenAt, now), takenAt.plus(properties.maxAge()).plus(properties.readWait()).isBefore(now),
                shownJobs.stream().filter(job -> job.finishedAt() != null && job.finishedAt().isAfter(takenAt)).map(Job::id).toList());
    }

    /** {@code 92 s}: the age without "ago", for "this reading is 92 s old". */
    public String old() {
        return age.replace(" ago", "");
    }
}
