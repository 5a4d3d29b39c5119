package io.reemo.console.system;

import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.lang.Nullable;

/**
 * The certificate the console answers HTTPS with now, and where it comes from. Tomcat's connector follows the SSL
 * bundle {@value #BUNDLE}: {@link SslBundleRegistry#updateBundle} makes it load a new certificate for the connections
 * that follow, so an upload, or going back to the console's own, needs no restart.
 */
class ServedCertificate {

    static final String BUNDLE = "console";
    private static final String ALIAS = "console";
    private static final Logger log = LoggerFactory.getLogger(ServedCertificate.class);

    enum Source {
        /** made by the console at first start */
        OWN,
        /** uploaded by an administrator (page or API) */
        UPLOADED,
        /** set in {@code server.ssl.*}, which wins */
        CONFIG,
        /** {@code console.http.plain=true}: no HTTPS at all */
        PLAIN
    }

    private record Current(Source source, @Nullable ConsoleCertificate certificate) {
    }

    private final Path directory;
    private final SecretBox box;
    private volatile Current current;
    private SslBundleRegistry registry;

    /** @param source {@code CONFIG} or {@code PLAIN} when the configuration decides; {@code OWN} until {@link #register} */
    ServedCertificate(Source source, Path directory, SecretBox box) {
        this.current = new Current(source, null);
        this.directory = directory;
        this.box = box;
    }

    Source source() {
        return current.source();
    }

    /** What is served, when it is the console's own or an uploaded one. */
    Optional<ConsoleCertificate> certificate() {
        return Optional.ofNullable(current.certificate());
    }

    /** At start: the uploaded certificate if there is one, else the console's own (made now if need be). */
    synchronized void register(SslBundleRegistry bundles) {
        Optional<ConsoleCertificate> uploaded = uploaded();
        ConsoleCertificate certificate = uploaded.orElseGet(() -> ConsoleCertificate.loadOrMake(directory, box, Clock.systemUTC()));
        bundles.registerBundle(BUNDLE, bundle(certificate));
        registry = bundles;
        current = new Current(uploaded.isPresent() ? Source.UPLOADED : Source.OWN, certificate);
        if (uploaded.isPresent()) {
            log.info("HTTPS with the uploaded certificate ({}, until {}), SHA-256 fingerprint {}", subject(certificate),
                    certificate.certificate().getNotAfter().toInstant(), certificate.fingerprint());
        } else {
            log.info("HTTPS with the console's own certificate ({} {}, until {}), SHA-256 fingerprint {}: the browser "
                            + "warns once, compare this fingerprint with the one it shows. Set server.ssl.* to use yours, "
                            + "or upload it on the Console certificate page.",
                    certificate.made() ? "made now in" : "kept in", directory, certificate.certificate().getNotAfter().toInstant(),
                    certificate.fingerprint());
        }
    }

    /**
     * Serves {@code certificate} from now on, and after a restart.
     *
     * @throws CertificateFixedException when the configuration decides the certificate
     */
    synchronized void serveUploaded(ConsoleCertificate certificate) {
        requireChangeable();
        serve(certificate, Source.UPLOADED, () -> certificate.storeAsUploaded(directory, box));
    }

    /** Forgets the uploaded certificate and serves the console's own again (made now if it had none or it nears its end). */
    synchronized void serveOwn() {
        requireChangeable();
        ConsoleCertificate own = ConsoleCertificate.loadOrMake(directory, box, Clock.systemUTC());
        serve(own, Source.OWN, () -> ConsoleCertificate.forgetUploaded(directory));
    }

    private interface Keeping {
        void run() throws IOException;
    }

    /** Tomcat takes the certificate first (what it refuses is not kept); when keeping it fails, the one before is served again. */
    private void serve(ConsoleCertificate certificate, Source source, Keeping keep) {
        Current before = current;
        registry.updateBundle(BUNDLE, bundle(certificate));
        try {
            keep.run();
        } catch (IOException | RuntimeException e) {
            registry.updateBundle(BUNDLE, bundle(before.certificate()));
            throw e instanceof IOException io ? new UncheckedIOException("The certificate could not be kept in " + directory
                    + ": make the data directory writable", io) : (RuntimeException) e;
        }
        current = new Current(source, certificate);
        log.info("HTTPS now with {} ({}, until {}), SHA-256 fingerprint {}", source == Source.OWN ? "the console's own certificate"
                : "the uploaded certificate", subject(certificate), certificate.certificate().getNotAfter().toInstant(),
                certificate.fingerprint());
    }

    /** @throws CertificateFixedException when the configuration decides the certificate, saying where to change it */
    void requireChangeable() {
        switch (current.source()) {
            case CONFIG -> throw new CertificateFixedException("The certificate is set in the console's configuration"
                    + " (server.ssl.*), which wins over one set here: change it there, or remove server.ssl.* and restart"
                    + " the console to set it here.");
            case PLAIN -> throw new CertificateFixedException("The console serves plain HTTP (console.http.plain=true), so"
                    + " it has no certificate to change: set console.http.plain=false and restart it to serve HTTPS.");
            default -> { }
        }
    }

    /** An upload the master key cannot open must not keep the console from starting: its own is served instead. */
    private Optional<ConsoleCertificate> uploaded() {
        try {
            return ConsoleCertificate.loadUploaded(directory, box);
        } catch (IOException | RuntimeException e) {
            log.error("The uploaded certificate in {} cannot be read ({}): serving the console's own instead; upload it"
                    + " again on the Console certificate page.", directory, e.getMessage());
            return Optional.empty();
        }
    }

    private static String subject(ConsoleCertificate certificate) {
        return certificate.certificate().getSubjectX500Principal().getName();
    }

    /** The store lives in memory only: its password protects nothing on disk, so a random one each time will do. */
    private static SslBundle bundle(ConsoleCertificate certificate) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getEncoder().encodeToString(bytes);
        SslStoreBundle stores = SslStoreBundle.of(certificate.keyStore(ALIAS, password.toCharArray()), password, null);
        return SslBundle.of(stores, SslBundleKey.of(password, ALIAS));
    }
}
