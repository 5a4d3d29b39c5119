package io.reemo.console.job;

import java.util.concurrent.Callable;

/** What a {@link NodeWork} sees of its job while it runs on one node. */
public interface NodeRun {

    long jobId();

    /** Who started the job: changes it makes to the environment are theirs. */
    String startedBy();

    String step();

    String node();

    /** Appends to the job log (masked, stored, then shown). Hot path: call it per line, it only queues. */
    void log(LogChannel channel, String text);

    default void stdout(String text) {
        log(LogChannel.STDOUT, text);
    }

    default void stderr(String text) {
        log(LogChannel.STDERR, text);
    }

    /** A line from the console itself: what it is about to do, what it found, why it stopped. */
    default void system(String text) {
        log(LogChannel.SYSTEM, text);
    }

    /** True once the job was cancelled (or the console is stopping): stop as soon as possible. */
    boolean cancelled();

    /**
     * A resource shared by all steps of this job under one key (e.g. one SSH connection per node),
     * opened on first use and closed when the job ends.
     */
    <T extends AutoCloseable> T shared(String key, Callable<T> opener) throws Exception;

    /** Runs once when the job is cancelled or interrupted (at once if it already was): stop remote work here. */
    void onCancel(Runnable hook);
}
