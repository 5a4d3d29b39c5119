package io.reemo.console.servicelogs;

import java.util.List;

/**
 * One node's answer to a log search.
 *
 * @param lines   the first matching lines, at most {@link LogSearch#CAP}
 * @param matched how many lines matched in all
 * @param problem why the node could not answer, in words; {@code null} when it did
 */
public record NodeSearchResult(String node, List<SyslogLine> lines, long matched, String problem) {

    /** Matching lines not shown. */
    public long cut() {
        return Math.max(0, matched - lines.size());
    }
}
