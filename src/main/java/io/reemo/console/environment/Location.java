package io.reemo.console.environment;

/** Where in an environment a variable is set: {@code all.vars}, a group's vars, or a host's vars. */
public record Location(Level level, String name) {

    public enum Level { ALL, GROUP, HOST }

    public static final Location ALL_VARS = new Location(Level.ALL, "all");

    public static Location group(String group) {
        return new Location(Level.GROUP, group);
    }

    public static Location host(String host) {
        return new Location(Level.HOST, host);
    }

    /** In words, for messages: {@code all.vars}, {@code vars of group infra_manager}, {@code host infra1}. */
    public String describe() {
        return switch (level) {
            case ALL -> "all.vars";
            case GROUP -> "vars of group " + name;
            case HOST -> "host " + name;
        };
    }
}
