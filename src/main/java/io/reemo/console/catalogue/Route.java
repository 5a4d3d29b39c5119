package io.reemo.console.catalogue;

import java.util.List;

/**
 * One router of a cluster's Traefik: what reaches the platform from outside, on which entry point, and which services
 * answer it. The catalogue writes Traefik's configuration from these, and the platform check asks each one.
 *
 * @param host      the name of the {@code Host()} rule; empty for a catch-all ({@code PathPrefix(`/`)}, any name)
 * @param allowListVariable the variable that sets its allow-list ({@code PORTAL_URL_RESTRICT_IP}); empty for none
 * @param allowList comma-separated IPs/CIDRs allowed to reach it; empty for everyone
 * @param serves    the component behind it (the maintenance page replaces the portal while maintenance is on)
 * @param backends  the services Traefik sends the requests to
 */
public record Route(String name, String entryPoint, String host, String allowListVariable, String allowList, Component serves,
                    List<String> backends) {

    /** The HTTPS entry point of the portals and of the API (port 443). */
    public static final String WEBSECURE = "websecure";
    /** The signals' entry point (port 8443), which the agents reach. */
    public static final String SIGNAL = "signal";

    public Route {
        backends = List.copyOf(backends);
    }

    public boolean catchAll() {
        return host.isBlank();
    }

    /** The port Traefik publishes this route's entry point on, in host mode on every node of the cluster. */
    public int port() {
        return SIGNAL.equals(entryPoint) ? 8443 : 443;
    }
}
