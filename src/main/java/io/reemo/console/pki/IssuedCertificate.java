package io.reemo.console.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A service certificate with its new private key and the CA that issued it.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    /** The certificate followed by the CA's, as TLS servers send them. */
    public String chainPem() {
        return Pem.encode(List.of(certificate, issuer));
    }

    /** PKCS#8 PEM. A secret: store it encrypted, never log it. */
    public String privateKeyPem() {
        return Pem.encode(privateKey);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", until "
                + certificate.getNotAfter().toInstant() + "]";
    }
}
