package io.reemo.console.environment;

import java.util.List;

/** A change made from an older revision than the stored one: saving it would undo what changed since. */
public class StaleRevisionException extends RuntimeException {

    private final int base;
    private final int current;
    private final transient List<Revision> since;

    public StaleRevisionException(int base, int current, List<Revision> since) {
        super("The environment changed since revision " + base + " (it is at revision " + current + "): "
                + since.size() + " change" + (since.size() == 1 ? "" : "s") + " since. Read it again and redo your change on top.");
        this.base = base;
        this.current = current;
        this.since = List.copyOf(since);
    }

    public int base() {
        return base;
    }

    public int current() {
        return current;
    }

    /** The revisions after {@link #base()}, oldest first. */
    public List<Revision> since() {
        return since;
    }
}
