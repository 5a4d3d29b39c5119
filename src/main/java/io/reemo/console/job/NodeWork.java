package io.reemo.console.job;

/** What a step does on one node. Runs on a pool thread, concurrently with the same step on other nodes. */
@FunctionalInterface
public interface NodeWork {

    /**
     * @return the exit code: 0 is success, anything else fails the node (and so the step).
     * @throws Exception fails the node; the message is logged as a system line and kept on the node
     */
    int run(NodeRun run) throws Exception;
}
