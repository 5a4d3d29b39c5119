package io.reemo.console.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a PEM text holds.
 *
 * @param certificates in the order of the text
 * @param privateKeys  in the order of the text
 * @param problems     blocks that could not be read or are of no use, one finding each
 */
public record PemBundle(List<X509Certificate> certificates, List<PrivateKey> privateKeys, List<Finding> problems) {

    public PemBundle {
        certificates = List.copyOf(certificates);
        privateKeys = List.copyOf(privateKeys);
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return "PemBundle[" + certificates.size() + " certificates, " + privateKeys.size() + " keys, "
                + problems.size() + " problems]";
    }
}
