package io.reemo.console.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host a probe may ask for: a DNS name or an IPv4 address, nothing else. {@code PORTAL_URL} of an environment
 * stored before the wizard validated it may hold anything, and it becomes the Host header, the TLS server name and
 * the only name the probe resolves; a stray line break, space or {@code @} must not reach any of them.
 */
final class PortalHost {

    /** RFC 1123 labels; an IPv4 address is such a name too. */
    private static final Pattern NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private PortalHost() {
    }

    /**
     * {@code https://portal.example.com:8443/x} → {@code portal.example.com}; a bare name stays as it is.
     * Empty when the URL names no such host (a user part, a character a URL cannot hold, an IPv6 literal).
     */
    static Optional<String> of(String portalUrl) {
        String url = portalUrl.strip();
        try {
            URI uri = new URI(url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? url : "https://" + url);
            String host = uri.getHost();
            return uri.getRawUserInfo() == null && host != null && isName(host) ? Optional.of(host) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean isName(String host) {
        return host != null && NAME.matcher(host).matches();
    }
}
