package io.reemo.console.deploy.steps;

import io.reemo.console.job.LogChannel;
import io.reemo.console.job.NodeRun;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node's run of a step outside the job engine, keeping the lines it logs as {@code channel: text}. */
final class RecordingRun implements NodeRun {

    final List<String> lines = new CopyOnWriteArrayList<>();
    private final String node;

    RecordingRun(String node) {
        this.node = node;
    }

    List<String> on(LogChannel channel) {
        String prefix = channel.value() + ": ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    @Override
    public long jobId() {
        return 1;
    }

    @Override
    public String startedBy() {
        return "admin";
    }

    @Override
    public String step() {
        return "verify";
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void log(LogChannel channel, String text) {
        lines.add(channel.value() + ": " + text);
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public <T extends AutoCloseable> T shared(String key, Callable<T> opener) throws Exception {
        return opener.call();
    }

    @Override
    public void onCancel(Runnable hook) {
        // nothing runs remotely here
    }
}
