package io.reemo.console.environment.validation;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Format checks of single values. Pure string work: nothing here ever resolves a name. */
public final class ValueFormats {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    /** Docker's tag grammar: the version is used as the tag verbatim. */
    private static final Pattern DOCKER_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern SHA256_FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private ValueFormats() {
    }

    static boolean isIp(String text) {
        return isIpv4(text) || isIpv6(text);
    }

    static boolean isIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    static boolean isIpv6(String text) {
        // Only a string of hex digits, colons and dots reaches InetAddress, which then parses a literal and never asks DNS.
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(text).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An IP address or a CIDR block ({@code 10.2.2.0/24}, {@code fd00::/64}). */
    static boolean isIpOrCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return isIp(text);
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        return isIpv4(address) ? bits <= 32 : isIpv6(address) && bits <= 128;
    }

    static boolean isHostname(String text) {
        return HOSTNAME.matcher(text).matches() && !text.matches("[0-9.]+");
    }

    /** A host name or an IP address. */
    static boolean isHost(String text) {
        return isIp(text) || isHostname(text);
    }

    /** {@code host}, {@code host:port} or {@code [v6]:port}. */
    static boolean isHostPort(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close > 0 && isIpv6(text.substring(1, close))
                    && (close == text.length() - 1 || isPort(text.substring(close + 1).replaceFirst("^:", "")));
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0 || isIpv6(text)) {
            return isHost(text);
        }
        return isHost(text.substring(0, colon)) && isPort(text.substring(colon + 1));
    }

    static boolean isPort(String text) {
        return text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535;
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isDockerTag(String text) {
        return DOCKER_TAG.matcher(text).matches();
    }

    /** {@code SHA256:<43 base64 characters>} as {@code ssh-keygen -l -E sha256} prints a host key. */
    public static boolean isSha256Fingerprint(String text) {
        return SHA256_FINGERPRINT.matcher(text).matches();
    }
}
