package io.reemo.console.job;

/** Published once a job has ended and its end is stored, whatever the outcome; on the job's thread. */
public record JobEnded(Job job) {
}
