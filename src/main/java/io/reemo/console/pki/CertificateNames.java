package io.reemo.console.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.util.IPAddress;

/**
 * Which host names and addresses a certificate is good for. A wildcard {@code *.domain.tld} stands for exactly one
 * label. The common name counts only when the certificate has no subjectAltName DNS or IP entry (RFC 6125).
 */
public final class CertificateNames {

    enum Coverage { ALTERNATIVE_NAME, COMMON_NAME_ONLY, NONE }

    private static final int DNS = 2;
    private static final int IP = 7;

    private CertificateNames() {
    }

    static Coverage coverage(X509Certificate certificate, String name) {
        String wanted = normalise(name);
        List<List<?>> entries = alternativeNames(certificate);
        if (entries.isEmpty()) {
            return commonNames(certificate).stream().anyMatch(cn -> dnsMatches(normalise(cn), wanted))
                    ? Coverage.COMMON_NAME_ONLY : Coverage.NONE;
        }
        boolean ipWanted = IPAddress.isValid(wanted);
        for (List<?> entry : entries) {
            int type = (Integer) entry.get(0);
            String value = String.valueOf(entry.get(1));
            if (ipWanted ? type == IP && sameAddress(value, wanted) : type == DNS && dnsMatches(normalise(value), wanted)) {
                return Coverage.ALTERNATIVE_NAME;
            }
        }
        return Coverage.NONE;
    }

    /** The names as {@code DNS:a, IP:b}, or the common name when there is no subjectAltName. */
    public static String describe(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        for (List<?> entry : alternativeNames(certificate)) {
            names.add(((Integer) entry.get(0) == IP ? "IP:" : "DNS:") + entry.get(1));
        }
        if (names.isEmpty()) {
            commonNames(certificate).forEach(cn -> names.add("CN:" + cn));
        }
        return names.isEmpty() ? "no names at all" : String.join(", ", names);
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int firstDot = host.indexOf('.');
            return firstDot > 0 && host.substring(firstDot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // literals only: getByName does no DNS lookup for them
            return IPAddress.isValid(a) && InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String normalise(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static List<List<?>> alternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> (Integer) n.get(0) == DNS || (Integer) n.get(0) == IP).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static List<String> commonNames(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue).map(String::valueOf).toList();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }
}
