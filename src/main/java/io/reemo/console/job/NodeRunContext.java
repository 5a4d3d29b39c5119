package io.reemo.console.job;

import java.util.concurrent.Callable;

/** The {@link NodeRun} handed to a step's work on one node. */
final class NodeRunContext implements NodeRun {

    private final RunningJob job;
    private final String step;
    private final String node;
    private final LogWriter writer;

    NodeRunContext(RunningJob job, String step, String node, LogWriter writer) {
        this.job = job;
        this.step = step;
        this.node = node;
        this.writer = writer;
    }

    @Override
    public long jobId() {
        return job.id;
    }

    @Override
    public String startedBy() {
        return job.request.startedBy();
    }

    @Override
    public String step() {
        return step;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void log(LogChannel channel, String text) {
        writer.append(job.id, step, node, channel, text);
    }

    @Override
    public boolean cancelled() {
        return job.cancelled();
    }

    @Override
    public <T extends AutoCloseable> T shared(String key, Callable<T> opener) throws Exception {
        return job.shared(key, opener);
    }

    @Override
    public void onCancel(Runnable hook) {
        job.onCancel(hook);
    }
}
