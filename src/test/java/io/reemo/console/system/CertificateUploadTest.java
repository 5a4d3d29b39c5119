package io.reemo.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.Finding;
import io.reemo.console.pki.IssuedCertificate;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The checks an uploaded console certificate passes before it is kept or served, each refusal naming what to fix. */
class CertificateUploadTest {

    private static final CertificateAuthority CA = CertificateAuthority.generate("Upload test CA");
    private static final IssuedCertificate SERVER = CA.issue("console.example.com", List.of("console.example.com"), List.of());
    private final CertificateUpload upload = new CertificateUpload(Clock.systemUTC());

    @Test
    void aPemChainWithItsKeyIsTakenAsIs() {
        CertificateUpload.Checked checked = upload.check(pem("certificate", SERVER.chainPem()), pem("key", SERVER.privateKeyPem()), null, null);

        assertThat(errors(checked)).isEmpty();
        ConsoleCertificate certificate = checked.certificate().orElseThrow();
        assertThat(certificate.chain()).containsExactly(SERVER.certificate(), SERVER.issuer());
        assertThat(certificate.fingerprint()).isEqualTo(ConsoleCertificate.fingerprint(SERVER.certificate()));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        IssuedCertificate other = CA.issue("other", List.of("other.example.com"), List.of());

        CertificateUpload.Checked checked = upload.check(pem("certificate", SERVER.chainPem()), pem("key", other.privateKeyPem()), null, null);

        assertThat(checked.certificate()).isEmpty();
        assertThat(errors(checked)).containsExactly("The private key does not belong to certificate 1 of 2 'CN=console.example.com':"
                + " upload the key this certificate was issued for (the one its request was made with).");
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsDate() {
        Clock later = Clock.fixed(SERVER.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1)), ZoneOffset.UTC);

        CertificateUpload.Checked checked = new CertificateUpload(later)
                .check(pem("certificate", SERVER.chainPem()), pem("key", SERVER.privateKeyPem()), null, null);

        assertThat(checked.certificate()).isEmpty();
        assertThat(errors(checked)).anySatisfy(e -> assertThat(e).startsWith("Certificate 1 of 2 'CN=console.example.com' expired on ")
                .endsWith(": renew it and upload the new one."));
    }

    @Test
    void garbageIsRefusedAsNoCertificate() {
        CertificateUpload.Checked checked = upload.check(pem("certificate", "not a certificate at all"), pem("key", SERVER.privateKeyPem()),
                null, null);

        assertThat(checked.certificate()).isEmpty();
        assertThat(errors(checked)).anySatisfy(e -> assertThat(e).startsWith("Certificate: No PEM block found"));
    }

    @Test
    void aCaCertificateIsRefusedForServingTls() {
        CertificateUpload.Checked checked = upload.check(pem("certificate", CA.certificatePem()), pem("key", CA.privateKeyPem()), null, null);

        assertThat(checked.certificate()).isEmpty();
        assertThat(errors(checked)).containsExactly("The certificate 'CN=Upload test CA' is a CA certificate, made only to sign other"
                + " certificates (its key usage has neither digitalSignature nor keyEncipherment): upload the server certificate"
                + " the CA issued, with that certificate's key.");
    }

    @Test
    void aPkcs12FileWithItsPasswordIsTaken() throws Exception {
        CertificateUpload.Checked checked = upload.check(null, null, pkcs12("s3cret", SERVER), "s3cret");

        assertThat(errors(checked)).isEmpty();
        assertThat(checked.certificate().orElseThrow().certificate()).isEqualTo(SERVER.certificate());
    }

    @Test
    void aWrongPkcs12PasswordIsSaidOfThePasswordField() throws Exception {
        CertificateUpload.Checked checked = upload.check(null, null, pkcs12("s3cret", SERVER), "guess");

        assertThat(checked.certificate()).isEmpty();
        assertThat(errors(checked)).containsExactly("password: wrong password for this PKCS#12 file: type the one it was exported with.");
    }

    @Test
    void aFileThatIsNoPkcs12IsSaidOfThePkcs12Field() {
        CertificateUpload.Checked checked = upload.check(null, null, pem("pkcs12", SERVER.chainPem()), "s3cret");

        assertThat(errors(checked)).singleElement().asString().startsWith("pkcs12: not a PKCS#12 file that can be read");
    }

    @Test
    void missingFilesTooBigFilesAndBothKindsAreSaidOfTheirField() throws Exception {
        assertThat(errors(upload.check(null, pem("key", SERVER.privateKeyPem()), null, null)))
                .singleElement().asString().startsWith("certificate: choose the certificate chain");
        assertThat(errors(upload.check(pem("certificate", SERVER.chainPem()), pem("key", "x".repeat(CertificateUpload.MAX_BYTES + 1)), null, null)))
                .containsExactly("key: the file has 65 KiB, more than the 64 KiB a certificate chain or key takes: is it the right file?");
        assertThat(errors(upload.check(pem("certificate", SERVER.chainPem()), null, pkcs12("s3cret", SERVER), "s3cret")))
                .singleElement().asString().startsWith("pkcs12: send either a PKCS#12 file or PEM files");
    }

    private static List<String> errors(CertificateUpload.Checked checked) {
        return checked.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).map(Finding::message).toList();
    }

    private static MockMultipartFile pem(String field, String text) {
        return new MockMultipartFile(field, field + ".pem", "application/x-pem-file", text.getBytes(StandardCharsets.UTF_8));
    }

    static MockMultipartFile pkcs12(String password, IssuedCertificate issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("console", issued.privateKey(), password.toCharArray(),
                new X509Certificate[] {issued.certificate(), issued.issuer()});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        return new MockMultipartFile("pkcs12", "console.p12", "application/x-pkcs12", bytes.toByteArray());
    }
}
