package io.reemo.console.admin.updates;

import io.reemo.console.catalogue.UpdateTags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The versions an operator picked, each sent as {@code version=<tag>:<version>} (e.g. {@code api:2.14.0}) by a
 * ticked box, a one-click link or the confirmation form; checked against the environment's versions table.
 *
 * @param targets  by update tag, the version to go to, in the order picked
 * @param problems what is wrong with the request, each naming the pick and what to do
 */
record UpdateSelection(Map<String, String> targets, List<String> problems) {

    /** Docker's tag grammar. */
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    UpdateSelection {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        problems = List.copyOf(problems);
    }

    static UpdateSelection parse(List<String> picks, List<VersionRow> rows) {
        Map<String, String> targets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String pick : picks == null ? List.<String>of() : picks) {
            int colon = pick.indexOf(':');
            String tag = colon < 0 ? pick : pick.substring(0, colon).strip();
            String version = colon < 0 ? "" : pick.substring(colon + 1).strip();
            if (VersionRows.find(rows, tag).isEmpty()) {
                problems.add("'" + tag + "' is not a service of this environment: pick one of "
                        + String.join(", ", rows.stream().map(VersionRow::tag).toList()) + ".");
            } else if (!IMAGE_TAG.matcher(version).matches()) {
                problems.add(tag + ": '" + version + "' is not an image tag (letters, digits, '.', '_', '-'; up to 128): "
                        + "pick a version from the table.");
            } else if (targets.containsKey(tag) && !targets.get(tag).equals(version)) {
                problems.add(tag + ": pick one version, not both " + targets.get(tag) + " and " + version + ".");
            } else {
                targets.put(tag, version);
            }
        }
        if (targets.isEmpty() && problems.isEmpty()) {
            problems.add("Nothing was picked: tick the versions to update to in the table, or use a service's update button.");
        }
        return new UpdateSelection(targets, problems);
    }

    List<String> tags() {
        return List.copyOf(targets.keySet());
    }

    /** The tags as the update job runs them: db, api, the others, portal last. */
    List<List<String>> order() {
        return UpdateTags.ordered(tags());
    }

    /** Version variable → version, as the update job takes them. */
    Map<String, String> versions(List<VersionRow> rows) {
        Map<String, String> versions = new LinkedHashMap<>();
        targets.forEach((tag, version) -> versions.put(VersionRows.find(rows, tag).orElseThrow().variable(), version));
        return versions;
    }

    public boolean interruptsService() {
        return targets.containsKey(UpdateTags.DOWNTIME);
    }

    /** The picks again, for the confirmation form and links. */
    public List<String> picks() {
        return targets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
    }
}
