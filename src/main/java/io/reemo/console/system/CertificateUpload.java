package io.reemo.console.system;

import io.reemo.console.pki.CertificateCheck;
import io.reemo.console.pki.Finding;
import io.reemo.console.pki.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.lang.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A certificate an administrator uploads for the console's HTTPS: a PEM chain with its PEM key, or a PKCS#12 file with
 * its password. Checked before anything is kept: it must parse, the key must be the certificate's, it must be valid now
 * and made for a TLS server (not a CA's), as {@link CertificateCheck} judges any uploaded server certificate. A problem
 * with one form field starts with the field's name.
 */
final class CertificateUpload {

    static final int MAX_BYTES = 64 * 1024;
    static final String CERTIFICATE = "certificate";
    static final String KEY = "key";
    static final String PKCS12 = "pkcs12";
    static final String PASSWORD = "password";

    /** @param certificate when there is no error: what to serve */
    record Checked(List<Finding> findings, Optional<ConsoleCertificate> certificate) {

        static Checked refused(String field, String message) {
            return new Checked(List.of(new Finding(Finding.Severity.ERROR, field + ": " + message)), Optional.empty());
        }
    }

    private final CertificateCheck check;

    CertificateUpload(Clock clock) {
        this.check = new CertificateCheck(clock);
    }

    /** Whichever was sent: the PKCS#12 file, or the PEM chain (with the key apart or inside it); never both. */
    Checked check(@Nullable MultipartFile certificate, @Nullable MultipartFile key, @Nullable MultipartFile pkcs12,
                  @Nullable String password) {
        if (given(pkcs12)) {
            return given(certificate) || given(key)
                    ? Checked.refused(PKCS12, "send either a PKCS#12 file or PEM files (certificate and key), not both.")
                    : pkcs12(pkcs12, password);
        }
        if (!given(certificate)) {
            return Checked.refused(CERTIFICATE, "choose the certificate chain (PEM: the server certificate first, then its"
                    + " intermediates) and its private key, or a PKCS#12 file (.p12, .pfx) with its password.");
        }
        return tooBig(CERTIFICATE, certificate).or(() -> tooBig(KEY, key))
                .orElseGet(() -> pem(text(certificate), given(key) ? text(key) : ""));
    }

    private Checked pem(String chainPem, String keyPem) {
        List<Finding> findings = check.checkCertificate(chainPem, keyPem, null, List.of());
        if (Finding.hasErrors(findings)) {
            return new Checked(findings, Optional.empty());
        }
        PrivateKey privateKey = Pem.read(keyPem.isBlank() ? chainPem : keyPem).privateKeys().get(0);
        return new Checked(findings, Optional.of(ConsoleCertificate.of(Pem.read(chainPem).certificates(), privateKey)));
    }

    private Checked pkcs12(MultipartFile file, @Nullable String password) {
        Optional<Checked> big = tooBig(PKCS12, file);
        if (big.isPresent()) {
            return big.get();
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file.getBytes()), secret);
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                return Checked.refused(PKCS12, keyAliases.isEmpty()
                        ? "the file holds no private key: export the certificate together with its key."
                        : "the file holds " + keyAliases.size() + " keys (" + String.join(", ", keyAliases)
                        + "): export only the console's certificate and key.");
            }
            Key key = store.getKey(keyAliases.get(0), secret);
            Certificate[] chain = store.getCertificateChain(keyAliases.get(0));
            if (!(key instanceof PrivateKey privateKey) || chain == null
                    || !Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
                return Checked.refused(PKCS12, "the file's key entry holds no X.509 certificate chain with a private key.");
            }
            return pem(Pem.encode(Arrays.stream(chain).map(X509Certificate.class::cast).toList()), Pem.encode(privateKey));
        } catch (UnrecoverableKeyException e) {
            return Checked.refused(PASSWORD, "the file opened, but its key is sealed with another password: export it"
                    + " again with one password for the file and the key.");
        } catch (IOException e) {
            return wrongPassword(e)
                    ? Checked.refused(PASSWORD, "wrong password for this PKCS#12 file: type the one it was exported with.")
                    : Checked.refused(PKCS12, "not a PKCS#12 file that can be read: upload the .p12 / .pfx as exported,"
                    + " or the PEM certificate and key instead.");
        } catch (GeneralSecurityException e) {
            return Checked.refused(PKCS12, "the file could not be read (" + e.getMessage() + "): upload it as exported,"
                    + " or the PEM certificate and key instead.");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The JDK says a wrong password with an {@link UnrecoverableKeyException} as cause; BouncyCastle in its message. */
    private static boolean wrongPassword(IOException e) {
        return e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password");
    }

    private static Optional<Checked> tooBig(String field, @Nullable MultipartFile file) {
        return file != null && file.getSize() > MAX_BYTES
                ? Optional.of(Checked.refused(field, "the file has " + (file.getSize() + 1023) / 1024 + " KiB, more than the "
                + MAX_BYTES / 1024 + " KiB a certificate chain or key takes: is it the right file?"))
                : Optional.empty();
    }

    private static boolean given(@Nullable MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    private static String text(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
