package io.reemo.console.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Why a node gave no HTTP answer, in an operator's words; the library's own text follows in brackets where it says
 * more (which certificate, which name), since that is what a search or the vendor's support will need.
 */
final class NoAnswer {

    private NoAnswer() {
    }

    static String describe(IOException e, String scheme, Duration timeout) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectTimeoutException) {
            return "no connection within " + timeout.toSeconds() + " s (a firewall dropping the packets, or the node is down)";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to the node's address";
        }
        if (e instanceof ConnectException) {
            return "connection refused: nothing listens on that port (is Traefik running on this node?)";
        }
        if (e instanceof SocketTimeoutException) {
            return "connected, but no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof NoHttpResponseException) {
            return "connected, but the connection was closed without an answer";
        }
        if (e instanceof SSLException) {
            return tls(detail, scheme);
        }
        return detail;
    }

    private static String tls(String detail, String scheme) {
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")) {
            return "the port answered without TLS where " + scheme + " was expected (console.healthcheck.scheme) [" + detail + "]";
        }
        if (lower.contains("certification path") || lower.contains("pkix")) {
            return "its TLS certificate is not trusted by the console's Java [" + detail + "]";
        }
        if (lower.contains("subject alternative") || lower.contains("doesn't match")) {
            return "its TLS certificate is for another name [" + detail + "]";
        }
        return "the TLS handshake failed [" + detail + "]";
    }
}
