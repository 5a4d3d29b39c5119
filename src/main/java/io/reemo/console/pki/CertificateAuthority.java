package io.reemo.console.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A CA that issues the services' certificates for mTLS: either one the console generated, or the operator's
 * own (read from PEM). Renewing a certificate means issuing it again.
 */
public final class CertificateAuthority {

    public static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3652);
    public static final Duration SERVICE_VALIDITY = Duration.ofDays(730);
    /** Nodes whose clock lags a little behind the console's still accept a certificate issued just now. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?"
            + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A new CA: EC P-256 key, valid ten years, allowed to sign certificates but not other CAs. */
    public static CertificateAuthority generate(String commonName) {
        KeyPair keys = newKeyPair();
        X500Name subject = name(commonName);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(AUTHORITY_VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not create the CA certificate", e);
        }
    }

    /**
     * The operator's CA. The material is checked first ({@link CertificateCheck#checkAuthority}).
     *
     * @param privateKeyPem the CA's key; {@code null} or blank when it is inside {@code certificatePem}
     *
     * @throws CertificateProblemException when it cannot serve as a CA, with the findings that say why
     */
    public static CertificateAuthority fromPem(String certificatePem, String privateKeyPem) {
        List<Finding> findings = new CertificateCheck().checkAuthority(certificatePem, privateKeyPem);
        if (Finding.hasErrors(findings)) {
            throw new CertificateProblemException(findings);
        }
        boolean keyApart = privateKeyPem != null && !privateKeyPem.isBlank();
        return new CertificateAuthority(Pem.read(certificatePem).certificates().get(0),
                Pem.read(keyApart ? privateKeyPem : certificatePem).privateKeys().get(0));
    }

    public IssuedCertificate issue(String commonName, List<String> dnsNames, List<String> ipAddresses) {
        return issue(commonName, dnsNames, ipAddresses, SERVICE_VALIDITY);
    }

    /**
     * A certificate for a service, usable as TLS server and as TLS client (mTLS), with a new EC P-256 key.
     * It never outlives the CA: its end is cut to the CA's when the CA expires sooner.
     *
     * @param dnsNames    subjectAltName DNS entries, e.g. {@code reemo_api}, {@code api}, {@code localhost}
     * @param ipAddresses subjectAltName IP entries, may be empty
     */
    public IssuedCertificate issue(String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
        GeneralNames alternativeNames = alternativeNames(dnsNames, ipAddresses);
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        Instant end = now.plus(validity);
        Instant authorityEnd = certificate.getNotAfter().toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(end.isAfter(authorityEnd) ? authorityEnd : end),
                    name(commonName), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (alternativeNames.getNames().length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new IssuedCertificate(sign(builder, privateKey), keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Could not issue the certificate for " + commonName, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    /** PKCS#8 PEM. A secret: store it encrypted, never log it. */
    public String privateKeyPem() {
        return Pem.encode(privateKey);
    }

    private static GeneralNames alternativeNames(List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) {
            if (dns == null || !DNS_NAME.matcher(dns).matches()) {
                throw new IllegalArgumentException("'" + dns + "' is not a valid DNS name for a certificate: use "
                        + "letters, digits, '-', '_' and dots, with an optional leading '*.'.");
            }
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String ip : ipAddresses) {
            if (ip == null || !IPAddress.isValid(ip)) {
                throw new IllegalArgumentException("'" + ip + "' is not a valid IP address for a certificate.");
            }
            names.add(new GeneralName(GeneralName.iPAddress, ip));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X500Name name(String commonName) {
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("A certificate needs a common name.");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(Keys.signatureAlgorithm(signer)).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JDK", e);
        }
    }

    /** Positive, 159 random bits: unique without a counter, within RFC 5280's 20 octets. */
    private static BigInteger serial() {
        return new BigInteger(159, RANDOM);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
