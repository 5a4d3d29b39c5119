package io.reemo.console.pki;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Checks certificate material an operator uploads (their CA, their service certificates, Traefik's certificate)
 * before the console uses it. Every problem becomes a {@link Finding} that names the certificate by its place
 * in the file and its subject, says what is wrong and what to do.
 */
public final class CertificateCheck {

    /** Certificates that end sooner than this get a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_PURPOSE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    private final Clock clock;

    public CertificateCheck() {
        this(Clock.systemUTC());
    }

    public CertificateCheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * The operator's CA, from which the console will issue the services' certificates.
     *
     * @param privateKeyPem the CA's key; {@code null} or blank when it is inside {@code certificatePem}
     */
    public List<Finding> checkAuthority(String certificatePem, String privateKeyPem) {
        List<Finding> findings = new ArrayList<>();
        PemBundle certificates = read("CA certificate", certificatePem, findings);
        List<PrivateKey> keys = keys(certificates, privateKeyPem, "CA key", findings);
        if (certificates.certificates().isEmpty()) {
            findings.add(Finding.error("No certificate found in the CA certificate: upload the CA's certificate in PEM "
                    + "('-----BEGIN CERTIFICATE-----')."));
            return findings;
        }
        X509Certificate ca = certificates.certificates().get(0);
        String label = "the CA certificate '" + subject(ca) + "'";
        if (certificates.certificates().size() > 1) {
            findings.add(Finding.warning("Only the first certificate of the file, " + label + ", is used as the CA; the "
                    + (certificates.certificates().size() - 1) + " others were ignored."));
        }
        if (ca.getBasicConstraints() < 0) {
            findings.add(Finding.error(capitalised(label) + " is not a CA certificate (its basic constraints do not say "
                    + "CA:TRUE), so it cannot sign the services' certificates: upload the certificate of the CA itself."));
        } else if (ca.getKeyUsage() != null && !ca.getKeyUsage()[KEY_CERT_SIGN]) {
            findings.add(Finding.error(capitalised(label) + " may not sign certificates (its key usage lacks "
                    + "keyCertSign): upload a CA certificate meant for issuing certificates."));
        }
        checkKey(keys, ca, label, findings);
        checkValidity(ca, label, findings);
        findings.add(Finding.info(capitalised(label) + ", issued by '" + issuer(ca) + "', is valid until "
                + date(ca.getNotAfter().toInstant()) + "."));
        return findings;
    }

    /**
     * A server certificate with its chain: the certificate first, then each issuer in turn.
     *
     * @param privateKeyPem the certificate's key; {@code null} or blank when it is inside {@code certificatePem}
     * @param caPem         the CA the chain must lead to; {@code null} or blank: the file's last certificate is the
     *                      end of the chain
     * @param names         host names (or IP addresses) the certificate must cover, e.g. the portal's FQDN
     */
    public List<Finding> checkCertificate(String certificatePem, String privateKeyPem, String caPem, List<String> names) {
        List<Finding> findings = new ArrayList<>();
        PemBundle bundle = read("certificate", certificatePem, findings);
        List<PrivateKey> keys = keys(bundle, privateKeyPem, "private key", findings);
        List<X509Certificate> chain = bundle.certificates();
        if (chain.isEmpty()) {
            findings.add(Finding.error("No certificate found: upload the certificate in PEM ('-----BEGIN CERTIFICATE-----'), "
                    + "followed by its intermediate certificates."));
            return findings;
        }
        X509Certificate leaf = chain.get(0);
        String leafLabel = label(chain, 0);
        checkKey(keys, leaf, leafLabel, findings);
        checkServerUse(leaf, leafLabel, findings);
        for (int i = 0; i < chain.size(); i++) {
            checkValidity(chain.get(i), label(chain, i), findings);
        }
        checkChain(chain, findings);
        if (caPem != null && !caPem.isBlank()) {
            checkLeadsToAuthority(chain, read("CA certificate", caPem, findings), findings);
        } else if (chain.size() == 1 && !selfSigned(leaf)) {
            findings.add(Finding.warning(capitalised(leafLabel) + " comes without the certificates of its issuer '"
                    + issuer(leaf) + "': clients that do not already hold that intermediate CA will not trust it. "
                    + "Append the intermediate certificates after the certificate in the file."));
        }
        for (String name : names) {
            checkName(leaf, leafLabel, name, findings);
        }
        findings.add(Finding.info(capitalised(leafLabel) + ", issued by '" + issuer(leaf) + "', is valid until "
                + date(leaf.getNotAfter().toInstant()) + " for " + CertificateNames.describe(leaf) + "."));
        return findings;
    }

    private static PemBundle read(String what, String pem, List<Finding> findings) {
        PemBundle bundle = Pem.read(pem);
        bundle.problems().forEach(p -> findings.add(new Finding(p.severity(), capitalised(what) + ": " + p.message())));
        return bundle;
    }

    private static List<PrivateKey> keys(PemBundle certificates, String privateKeyPem, String what, List<Finding> findings) {
        if (privateKeyPem == null || privateKeyPem.isBlank()) {
            return certificates.privateKeys();
        }
        return read(what, privateKeyPem, findings).privateKeys();
    }

    private static void checkKey(List<PrivateKey> keys, X509Certificate certificate, String label, List<Finding> findings) {
        if (keys.isEmpty()) {
            findings.add(Finding.error("No private key found for " + label + ": upload its key in PEM, as " + Pem.PLAIN_KEY_FORMATS + "."));
            return;
        }
        if (keys.size() > 1) {
            findings.add(Finding.error(keys.size() + " private keys found: upload only the key of " + label + "."));
            return;
        }
        PrivateKey key = keys.get(0);
        String keyFamily = Keys.family(key);
        String certificateFamily = Keys.family(certificate.getPublicKey());
        if (!Keys.supported(key)) {
            findings.add(Finding.error("The private key is of type " + key.getAlgorithm()
                    + ", which the console does not support: use an RSA, EC or Ed25519 key."));
        } else if (!keyFamily.equals(certificateFamily)) {
            findings.add(Finding.error("The private key is an " + keyFamily + " key but " + label + " holds an "
                    + certificateFamily + " key: they do not belong together. Upload the key this certificate was issued for."));
        } else if (!Keys.belongTogether(key, certificate.getPublicKey())) {
            findings.add(Finding.error("The private key does not belong to " + label
                    + ": upload the key this certificate was issued for (the one its request was made with)."));
        }
    }

    private void checkValidity(X509Certificate certificate, String label, List<Finding> findings) {
        Instant now = clock.instant();
        Instant start = certificate.getNotBefore().toInstant();
        Instant end = certificate.getNotAfter().toInstant();
        if (end.isBefore(now)) {
            findings.add(Finding.error(capitalised(label) + " expired on " + date(end) + ": renew it and upload the new one."));
        } else if (start.isAfter(now)) {
            findings.add(Finding.error(capitalised(label) + " is not valid before " + date(start)
                    + ": check its dates, and the clock of the console's machine."));
        } else if (Duration.between(now, end).compareTo(EXPIRY_WARNING) < 0) {
            findings.add(Finding.warning(capitalised(label) + " expires on " + date(end) + ", in "
                    + Duration.between(now, end).toDays() + " days: renew it before then."));
        }
    }

    private static void checkServerUse(X509Certificate leaf, String label, List<Finding> findings) {
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            if (purposes != null && !purposes.contains(SERVER_AUTH) && !purposes.contains(ANY_PURPOSE)) {
                findings.add(Finding.error(capitalised(label) + " is not meant for TLS servers (its extended key usage "
                        + "lacks serverAuth): ask the CA for a server certificate."));
            }
        } catch (CertificateParsingException e) {
            findings.add(Finding.error(capitalised(label) + " has an unreadable extended key usage: ask the CA to reissue it."));
        }
        // A TLS handshake signs with the key (or, with RSA key exchange, enciphers to it); a CA's key usage allows neither.
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE] && !usage[KEY_ENCIPHERMENT]) {
            findings.add(Finding.error(capitalised(label) + (leaf.getBasicConstraints() >= 0
                    ? " is a CA certificate, made only to sign other certificates" : " may not be used for TLS")
                    + " (its key usage has neither digitalSignature nor keyEncipherment): upload the server certificate"
                    + " the CA issued, with that certificate's key."));
        }
    }

    /** Each certificate must be issued by the next one in the file. */
    private static void checkChain(List<X509Certificate> chain, List<Finding> findings) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate child = chain.get(i);
            X509Certificate parent = chain.get(i + 1);
            if (!signedBy(child, parent)) {
                findings.add(Finding.error(capitalised(label(chain, i)) + " was not issued by the next one in the file, "
                        + label(chain, i + 1) + " (its issuer is '" + issuer(child) + "'): put the certificates in "
                        + "order, the server certificate first, then each issuer in turn, and leave out unrelated ones."));
            } else if (parent.getBasicConstraints() < 0) {
                findings.add(Finding.error(capitalised(label(chain, i + 1)) + " signed " + label(chain, i)
                        + " but is not a CA certificate: clients will reject the chain. Ask the CA to reissue it."));
            }
        }
    }

    private void checkLeadsToAuthority(List<X509Certificate> chain, PemBundle authority, List<Finding> findings) {
        if (authority.certificates().isEmpty()) {
            findings.add(Finding.error("No certificate found in the CA certificate: upload the CA's certificate in PEM."));
            return;
        }
        X509Certificate ca = authority.certificates().get(0);
        String caLabel = "the CA certificate '" + subject(ca) + "'";
        checkValidity(ca, caLabel, findings);
        X509Certificate top = chain.get(chain.size() - 1);
        if (!top.equals(ca) && !signedBy(top, ca)) {
            findings.add(Finding.error("The chain does not lead to " + caLabel + ": " + label(chain, chain.size() - 1)
                    + " was issued by '" + issuer(top) + "'. Add the missing intermediate certificates after the "
                    + "certificate, or give the CA that issued it."));
        }
    }

    private static void checkName(X509Certificate leaf, String label, String name, List<Finding> findings) {
        switch (CertificateNames.coverage(leaf, name)) {
            case ALTERNATIVE_NAME -> { }
            case COMMON_NAME_ONLY -> findings.add(Finding.warning(capitalised(label) + " covers '" + name
                    + "' only through its common name, which browsers and most TLS clients ignore: reissue it with '"
                    + name + "' in its subject alternative names."));
            case NONE -> findings.add(Finding.error(capitalised(label) + " does not cover '" + name + "': it is for "
                    + CertificateNames.describe(leaf) + ". Use a certificate whose subject alternative names include '"
                    + name + "' (a wildcard '*.domain' covers one level below the domain)."));
        }
    }

    private static boolean signedBy(X509Certificate child, X509Certificate parent) {
        if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(parent.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean selfSigned(X509Certificate certificate) {
        return signedBy(certificate, certificate);
    }

    private static String label(List<X509Certificate> chain, int index) {
        String place = chain.size() == 1 ? "the certificate" : "certificate " + (index + 1) + " of " + chain.size();
        return place + " '" + subject(chain.get(index)) + "'";
    }

    private static String subject(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        return name.isEmpty() ? "(empty subject; " + CertificateNames.describe(certificate) + ")" : name;
    }

    private static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    private static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
