package io.reemo.console.system;

import io.reemo.console.pki.Finding;
import io.reemo.console.security.AuditLog;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the Console certificate page and its API do: show the certificate served now, take an upload (checked, then
 * audited, then served) and go back to the console's own (audited, then served). Neither when {@code server.ssl.*} or
 * plain HTTP decides ({@link CertificateFixedException}), which is said before anything is read.
 */
@Service
class ConsoleCertificateSettings {

    static final String AUDIT_ACTION = "certificate.console";
    private static final String AUDIT_TARGET = "console certificate";

    private final ServedCertificate served;
    private final AuditLog audit;
    private final ServerProperties server;
    private final SslBundles bundles;

    ConsoleCertificateSettings(ServedCertificate served, AuditLog audit, ServerProperties server, SslBundles bundles) {
        this.served = served;
        this.audit = audit;
        this.server = server;
        this.bundles = bundles;
    }

    /**
     * @param findings what the check found: errors (then nothing changed), warnings and what the certificate is
     * @param served   the certificate served now, when the upload was taken
     */
    record Uploaded(List<Finding> findings, Optional<ServedCertificateView> served) {

        List<String> errors() {
            return messages(Finding.Severity.ERROR);
        }

        List<String> warnings() {
            return messages(Finding.Severity.WARNING);
        }

        private List<String> messages(Finding.Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
        }
    }

    ServedCertificateView current() {
        ServedCertificate.Source source = served.source();
        X509Certificate certificate = source == ServedCertificate.Source.CONFIG ? configured()
                : served.certificate().map(ConsoleCertificate::certificate).orElse(null);
        return ServedCertificateView.of(source, certificate);
    }

    /** The form's or request's fields as sent; see {@link CertificateUpload#check}. */
    Uploaded upload(@Nullable MultipartFile certificate, @Nullable MultipartFile key, @Nullable MultipartFile pkcs12,
                    @Nullable String password) {
        served.requireChangeable();
        CertificateUpload.Checked checked = new CertificateUpload(Clock.systemUTC()).check(certificate, key, pkcs12, password);
        if (checked.certificate().isEmpty()) {
            return new Uploaded(checked.findings(), Optional.empty());
        }
        ConsoleCertificate uploaded = checked.certificate().get();
        X509Certificate leaf = uploaded.certificate();
        audit.record(AUDIT_ACTION, AUDIT_TARGET, "uploaded " + leaf.getSubjectX500Principal().getName() + " issued by "
                + leaf.getIssuerX500Principal().getName() + ", until " + leaf.getNotAfter().toInstant() + ", SHA-256 "
                + uploaded.fingerprint());
        served.serveUploaded(uploaded);
        return new Uploaded(checked.findings(), Optional.of(current()));
    }

    /** Back to the console's own certificate; nothing to do, and nothing audited, when it is served already. */
    ServedCertificateView useOwn() {
        served.requireChangeable();
        if (served.source() == ServedCertificate.Source.UPLOADED) {
            audit.record(AUDIT_ACTION, AUDIT_TARGET, "back to the console's own certificate");
            served.serveOwn();
        }
        return current();
    }

    /** The certificate {@code server.ssl.*} names, for the page to show; none when it cannot be read back. */
    @Nullable
    private X509Certificate configured() {
        try {
            SslBundle bundle = WebServerSslBundle.get(server.getSsl(), bundles);
            KeyStore store = bundle.getStores().getKeyStore();
            String alias = bundle.getKey().getAlias();
            if (alias == null) {
                alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst().orElse(null);
            }
            return alias != null && store.getCertificate(alias) instanceof X509Certificate certificate ? certificate : null;
        } catch (KeyStoreException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }
}
