package io.reemo.console.admin.updates;

import io.reemo.console.registry.VersionOrder;
import java.util.List;
import java.util.Map;

/**
 * What the registry holds for the rows of the versions table, or in words why it could not tell.
 *
 * @param tags            by update tag: every tag of its repository, oldest first
 * @param rowProblems     by update tag: why that repository could not be read (missing, no pull access)
 * @param registryProblem why the registry itself could not be read (unreachable, login refused); {@code null} when read
 */
record TagLookup(Map<String, List<String>> tags, Map<String, String> rowProblems, String registryProblem) {

    TagLookup {
        tags = Map.copyOf(tags);
        rowProblems = Map.copyOf(rowProblems);
    }

    /** The versions after the row's current one, oldest first. */
    public List<String> newer(VersionRow row) {
        return VersionOrder.newer(tags.getOrDefault(row.tag(), List.of()), row.current());
    }

    /** Whether the registry was read and does not hold that version; {@code false} when it could not tell. */
    boolean lacks(String tag, String version) {
        List<String> known = tags.get(tag);
        return known != null && !known.contains(version);
    }

    /** Why the versions of this row are unknown, or {@code null}. */
    public String problem(String tag) {
        return registryProblem != null ? registryProblem : rowProblems.get(tag);
    }
}
