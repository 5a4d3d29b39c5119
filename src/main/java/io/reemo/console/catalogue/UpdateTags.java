package io.reemo.console.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The update tags of the role ({@code --tags}) and their mandatory order (platform.md §4.6):
 * {@code db}, then {@code api}, then every other service, {@code portal} last, whatever order was asked.
 */
public final class UpdateTags {

    public static final List<String> ALL = List.of("db", "api", "apicron", "apicronlog", "apicronldap", "apicroncloud",
            "portal", "signal", "proapi", "prorelayapi", "procloudapi", "mysql", "traefik", "exim4");
    /** The only update that interrupts service. */
    public static final String DOWNTIME = "mysql";

    private UpdateTags() {
    }

    /** A service's place in the mandatory order by its tag: db 0, api 1, any other 2 (also untagged), portal 3. */
    public static int rank(String tag) {
        if ("db".equals(tag)) {
            return 0;
        }
        if ("api".equals(tag)) {
            return 1;
        }
        return "portal".equals(tag) ? 3 : 2;
    }

    /** The asked tags as ordered groups: [db], [api], [the others, in catalogue order], [portal]; empty groups left out. */
    public static List<List<String>> ordered(List<String> tags) {
        List<String> others = ALL.stream().filter(tags::contains)
                .filter(t -> !t.equals("db") && !t.equals("api") && !t.equals("portal")).toList();
        List<List<String>> groups = new ArrayList<>();
        if (tags.contains("db")) {
            groups.add(List.of("db"));
        }
        if (tags.contains("api")) {
            groups.add(List.of("api"));
        }
        if (!others.isEmpty()) {
            groups.add(others);
        }
        if (tags.contains("portal")) {
            groups.add(List.of("portal"));
        }
        return groups;
    }
}
