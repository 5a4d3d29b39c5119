package io.reemo.console.quota;

/**
 * What a cap counts, with its default caps: per user (a few browser tabs, a script) and for the whole console (what
 * its threads, the nodes' SSH servers and their {@code MaxStartups} bear).
 */
public enum Work {
    LIVE_LOG_VIEW("live log views", 4, 24),
    LOG_SEARCH("log searches", 2, 6),
    DOWNLOAD("downloads", 2, 8),
    JOB_STREAM("live job logs", 16, 200);

    private final String what;
    private final int perUser;
    private final int total;

    Work(String what, int perUser, int total) {
        this.what = what;
        this.perUser = perUser;
        this.total = total;
    }

    public String what() {
        return what;
    }

    Cap defaultCap() {
        return new Cap(perUser, total);
    }
}
