package io.reemo.console.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS that trusts the system's CAs plus, for a private registry, the CA the operator gave. */
final class TrustedCertificates {

    private TrustedCertificates() {
    }

    static SSLContext sslContext(String caCertificatePem) {
        try {
            X509TrustManager system = trustManager(null);
            X509TrustManager trust = system;
            if (caCertificatePem != null && !caCertificatePem.isBlank()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                List<X509Certificate> authorities = certificates(caCertificatePem);
                for (int i = 0; i < authorities.size(); i++) {
                    store.setCertificateEntry("registry-ca-" + i, authorities.get(i));
                }
                trust = new EitherTrustManager(trustManager(store), system);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not set up TLS for the registry: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(String pem) {
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (read.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new IllegalArgumentException("The registry CA certificate could not be read (" + e.getMessage()
                    + "): give it in PEM, starting with '-----BEGIN CERTIFICATE-----'.", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server when the operator's CA or any system CA does; JSSE still checks the host name. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notByFirst) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The registry client does not accept client connections.");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.of(first.getAcceptedIssuers(), second.getAcceptedIssuers()).flatMap(Stream::of)
                    .toArray(X509Certificate[]::new);
        }
    }
}
