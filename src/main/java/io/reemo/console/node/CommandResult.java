package io.reemo.console.node;

import java.time.Duration;

/**
 * How a remote command ended.
 *
 * @param exitStatus {@code null} when the command was killed by a signal, timed out or was cancelled
 * @param exitSignal the signal that ended it ({@code TERM}, {@code KILL}, …), else {@code null}
 */
public record CommandResult(Integer exitStatus, String exitSignal, boolean timedOut, boolean cancelled, Duration took) {

    /** Exit code for the job record: the command's own, or 128 + a signal's usual number like a shell reports, or -1. */
    public int exitCode() {
        if (exitStatus != null) {
            return exitStatus;
        }
        return timedOut || cancelled ? 143 : -1;
    }

    public boolean succeeded() {
        return exitStatus != null && exitStatus == 0 && !timedOut && !cancelled;
    }
}
