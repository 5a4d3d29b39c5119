package io.reemo.console.node.ssh;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * A running remote command and its process group. sshd starts every command in a new session
 * (setsid), so the shell's pid is the group of everything the command starts; the shell reports it
 * as its first stderr line, which the reader takes out of the output.
 */
final class RemoteProcess {

    private static final String GROUP_REPORT = "@@reemo-process-group ";

    private final Session.Command command;
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile boolean firstLineSeen;
    private volatile Integer group;

    RemoteProcess(Session.Command command) {
        this.command = command;
    }

    static String reportingGroup(String command) {
        return "echo '" + GROUP_REPORT + "'$$ >&2; " + command;
    }

    Session.Command command() {
        return command;
    }

    /** True when the stderr line was the group report (only ever the first line). */
    boolean takeGroupReport(String line) {
        if (firstLineSeen) {
            return false;
        }
        firstLineSeen = true;
        if (!line.startsWith(GROUP_REPORT)) {
            reported.countDown();
            return false;
        }
        group = Integer.valueOf(line.substring(GROUP_REPORT.length()).strip());
        reported.countDown();
        return true;
    }

    /** The process group, or {@code null} if the command did not report it in time. */
    Integer awaitGroup(Duration wait) {
        try {
            reported.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return group;
    }
}
