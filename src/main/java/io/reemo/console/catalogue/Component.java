package io.reemo.console.catalogue;

/**
 * Every service of Reemo Infra the console can deploy (platform.md §2, product-calls.md §2-4).
 *
 * @param imageComponent the image name suffix after {@code REGISTRY_ENV} (both gateways use {@code haproxy})
 * @param tag            the update tag that selects it ({@code null}: only a full update touches it)
 * @param replicas       default replicas; {@link #GLOBAL} for one task per node
 * @param maxPerNode     Swarm's max replicas per node, 0 for none
 */
public enum Component {
    TRAEFIK("traefik", "traefik", "traefik", Component.GLOBAL, 0),
    PORTAL("reemo_portal", "portal", "portal", 2, 2),
    SIGNAL("reemo_signal", "signal", "signal", 1, 1),
    MAINTENANCE("reemo_maintenance", "maintenance", null, 1, 1),
    API("reemo_api", "api", "api", 4, 4),
    APICRON("reemo_apicron", "apicron", "apicron", 1, 1),
    APICRONLOG("reemo_apicronlog", "apicronlog", "apicronlog", 1, 1),
    APICRONLDAP("reemo_apicronldap", "apicronldap", "apicronldap", 1, 1),
    APICRONCLOUD("reemo_apicroncloud", "apicroncloud", "apicroncloud", 1, 1),
    PROAPI("reemo_proapi", "proapi", "proapi", 2, 2),
    PRORELAYAPI("reemo_prorelayapi", "prorelayapi", "prorelayapi", 2, 2),
    PROCLOUDAPI("reemo_procloudapi", "procloudapi", "procloudapi", 1, 1),
    MYSQL("reemo_mysql", "mysql", "mysql", 1, 1),
    DB("reemo_db", "db", "db", 0, 1),
    EXIM4("reemo_exim4", "exim4", "exim4", 1, 1),
    PROVISION("reemo_provision", "haproxy", null, 1, 1),
    RELAYWS("reemo_relayws", "haproxy", null, 1, 1),
    STUN("reemo_stun", "stun", null, 1, 1);

    public static final int GLOBAL = -1;
    /** Where the MySQL image keeps its data inside the container: the target of reemo_mysql's data mount. */
    public static final String MYSQL_DATA_TARGET = "/var/lib/mysql";

    private final String serviceName;
    private final String imageComponent;
    private final String tag;
    private final int replicas;
    private final int maxPerNode;

    Component(String serviceName, String imageComponent, String tag, int replicas, int maxPerNode) {
        this.serviceName = serviceName;
        this.imageComponent = imageComponent;
        this.tag = tag;
        this.replicas = replicas;
        this.maxPerNode = maxPerNode;
    }

    /** Whether a Swarm service of this name is one of the catalogue's, as the console and the vendor's role name them. */
    public static boolean names(String service) {
        for (Component component : values()) {
            if (component.serviceName.equals(service) || component == SIGNAL && service.matches(SIGNAL.serviceName + "\\d+")) {
                return true;
            }
        }
        return false;
    }

    /** The Swarm service name; signals add their number ({@code reemo_signal1}…). */
    public String serviceName() {
        return serviceName;
    }

    public String imageComponent() {
        return imageComponent;
    }

    public String tag() {
        return tag;
    }

    public int defaultReplicas() {
        return replicas;
    }

    public int maxPerNode() {
        return maxPerNode;
    }

    /**
     * Stateless and replicated behind Traefik: an update may start the new task before it stops the old one, so that
     * the service keeps answering. The others hold data or a place (mysql, the signals pinned to their node, Traefik on
     * the node's ports, the crons that must not run twice) and stop first.
     */
    public boolean replaceableWhileServing() {
        return this == API || this == PORTAL || this == PROAPI || this == PRORELAYAPI;
    }
}
