package io.reemo.console.node;

/** Receives a remote command's output one line at a time, as it comes; called from two reader threads at once. */
@FunctionalInterface
public interface OutputListener {

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String text);
}
