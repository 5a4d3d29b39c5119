package io.reemo.console.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console reaches the platform through Traefik ({@code console.healthcheck.*}), for the portal's
 * {@code /api/healthcheck} and for the platform check: on a Traefik node's address, with the portal's name as Host
 * header and TLS server name, so that the name need not resolve from the console's machine.
 *
 * @param scheme  {@code https} (Traefik's entry point; the certificate checked against the portal name unless Traefik
 *                serves its own self-signed one) or
 *                {@code http} (an entry point without TLS)
 * @param port    the port of Traefik's portal entry point, 443 (its signal entry point keeps 8443); defaults to 443
 *                for https, 80 for http
 * @param timeout per node, to connect and to read the answer
 */
@ConfigurationProperties("console.healthcheck")
record HealthcheckProperties(String scheme, Integer port, Duration timeout) {

    HealthcheckProperties {
        scheme = scheme == null || scheme.isBlank() ? "https" : scheme.strip();
        port = port != null ? port : "http".equals(scheme) ? 80 : 443;
        timeout = timeout == null ? Duration.ofSeconds(4) : timeout;
    }
}
