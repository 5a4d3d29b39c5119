package io.reemo.console.catalogue;

import static io.reemo.console.catalogue.Component.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which inventory variables reach which containers. Plain values become environment variables; secret values
 * become Swarm secrets read through {@code <NAME>_FILE}, so they never show in {@code docker service inspect}.
 */
final class ContainerEnvironment {

    private static final Set<Component> API_SIDE =
            EnumSet.of(API, APICRON, APICRONLOG, APICRONLDAP, APICRONCLOUD, PROAPI, PRORELAYAPI, PROCLOUDAPI, DB);
    private static final Set<Component> PORTAL_SIDE = EnumSet.of(PORTAL, SIGNAL);

    private static final List<String> DATABASE = List.of("DB_DIALECT", "DB_HOST", "DB_NAME", "DB_USER");
    private static final List<String> API_PLAIN = List.of("CRON_ENABLE", "API_cronGhostContainersMinutes",
            "API_MAIL_ACTIVE", "API_MAIL_BASEURL", "API_useAlternateLDAPHost", "RELAYS_URL");
    private static final List<String> PORTAL_PLAIN = List.of("PORTAL_URL", "PORTAL_TYPE", "PORTALADMIN_URL",
            "HEALTHCHECK_ENABLE");
    /** Only the first install initialises the database with these. */
    static final List<String> INIT = List.of("INIT_MINIMUM_PASSWORD_LENGTH", "INIT_PASSWORD_REQUIRE_LETTERS",
            "INIT_PASSWORD_REQUIRE_DIGITS", "INIT_PASSWORD_REQUIRE_SPECIALCHAR");
    /** Lists of {@code {ip: …}} that containers receive comma-separated. */
    static final Map<Component, List<String>> IP_LISTS = Map.of(
            PORTAL, List.of("API_IP"), API, List.of("RELAYS_IP"), PRORELAYAPI, List.of("RELAYS_IP"),
            RELAYWS, List.of("RELAYS_IP"), PROVISION, List.of("PROVISION_IP"));

    private ContainerEnvironment() {
    }

    static List<String> plain(Component component) {
        if (API_SIDE.contains(component)) {
            return concat(DATABASE, API_PLAIN);
        }
        if (PORTAL_SIDE.contains(component)) {
            return PORTAL_PLAIN;
        }
        return switch (component) {
            case MYSQL -> List.of("DB_NAME", "DB_USER");
            case EXIM4 -> List.of("EXIM_SMARTHOST");
            default -> List.of();
        };
    }

    static List<String> secrets(Component component) {
        if (component == API) {
            return List.of("API_LICENSE", "HMACSECRET", "DB_USER_PASSWORD");
        }
        if (API_SIDE.contains(component) || component == MYSQL) {
            return List.of("DB_USER_PASSWORD");
        }
        if (PORTAL_SIDE.contains(component)) {
            return List.of("HMACSECRET");
        }
        return component == EXIM4 ? List.of("EXIM_PASSWORD") : List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
