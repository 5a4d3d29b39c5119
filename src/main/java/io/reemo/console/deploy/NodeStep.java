package io.reemo.console.deploy;

import io.reemo.console.environment.Node;
import io.reemo.console.job.NodeRun;

/** What a step does on one node of the environment (see {@link JobSessions#perNode}). */
@FunctionalInterface
public interface NodeStep {

    /** @return the exit code, 0 for success */
    int run(NodeRun run, Node node) throws Exception;
}
