package io.reemo.console.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    Path dir;

    @Test
    void generatesAnEcP256AuthorityForTenYearsThatMaySignCertificatesOnly() {
        X509Certificate ca = CertificateAuthority.generate("Reemo Infra CA test").certificate();

        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Reemo Infra CA test");
        assertThat(((ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(ca.getBasicConstraints()).isZero();
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        Duration validity = Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant());
        assertThat(validity.toDays()).isBetween(3652L, 3653L);
    }

    @Test
    void issuesServiceCertificatesForBothEndsOfMutualTlsWithTheRequestedNames() throws Exception {
        CertificateAuthority ca = CertificateAuthority.generate("Reemo Infra CA test");

        IssuedCertificate api = ca.issue("reemo_api", List.of("reemo_api", "api", "localhost"), List.of("10.199.0.1"));

        X509Certificate leaf = api.certificate();
        leaf.verify(ca.publicKey());
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .containsExactly("reemo_api", "api", "localhost", "10.199.0.1");
        Duration validity = Duration.between(Instant.now(), leaf.getNotAfter().toInstant());
        assertThat(validity.toDays()).isBetween(729L, 730L);
        assertThat(new CertificateCheck().checkCertificate(api.chainPem(), api.privateKeyPem(), ca.certificatePem(),
                List.of("reemo_api", "api", "localhost", "10.199.0.1")))
                .extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
    }

    @Test
    void opensslAcceptsWhatWasIssuedAsServerAndAsClient() {
        CertificateAuthority ca = CertificateAuthority.generate("Reemo Infra CA test");
        IssuedCertificate api = ca.issue("reemo_api", List.of("reemo_api", "api", "localhost"), List.of("127.0.0.1"));
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("ca.pem", ca.certificatePem());
        openssl.write("api.pem", api.certificatePem());
        openssl.write("api.key", api.privateKeyPem());

        assertThat(openssl.run("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "-verify_hostname", "localhost",
                "-verify_ip", "127.0.0.1", "api.pem")).contains("api.pem: OK");
        assertThat(openssl.run("verify", "-CAfile", "ca.pem", "-purpose", "sslclient", "api.pem")).contains("api.pem: OK");
        assertThat(openssl.run("pkey", "-in", "api.key", "-pubout"))
                .isEqualTo(openssl.run("x509", "-in", "api.pem", "-noout", "-pubkey"));
    }

    @Test
    void anAuthorityReadBackFromPemIssuesCertificatesTheOriginalVerifies() throws Exception {
        CertificateAuthority original = CertificateAuthority.generate("Reemo Infra CA test");

        CertificateAuthority reloaded = CertificateAuthority.fromPem(original.certificatePem(), original.privateKeyPem());

        assertThat(original.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(reloaded.certificate()).isEqualTo(original.certificate());
        reloaded.issue("reemo_portal", List.of("reemo_portal"), List.of()).certificate().verify(original.publicKey());
    }

    @Test
    void issuesFromTheOperatorsRsaAuthorityMadeWithOpenssl() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("corp", "Corp Root", 30);
        assertThat(openssl.read("corp.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        CertificateAuthority corp = CertificateAuthority.fromPem(openssl.read("corp.pem"), openssl.read("corp.key"));
        IssuedCertificate api = corp.issue("reemo_api", List.of("api"), List.of());
        openssl.write("api.pem", api.certificatePem());

        assertThat(api.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(openssl.run("verify", "-CAfile", "corp.pem", "-verify_hostname", "api", "api.pem")).contains("api.pem: OK");
        assertThat(api.certificate().getNotAfter()).as("never outlives its CA").isEqualTo(corp.certificate().getNotAfter());
    }

    @Test
    void refusesAServerCertificateAsAuthority() {
        CertificateAuthority ca = CertificateAuthority.generate("Reemo Infra CA test");
        IssuedCertificate api = ca.issue("reemo_api", List.of("api"), List.of());

        assertThatThrownBy(() -> CertificateAuthority.fromPem(api.certificatePem(), api.privateKeyPem()))
                .isInstanceOf(CertificateProblemException.class)
                .hasMessageContaining("The CA certificate 'CN=reemo_api' is not a CA certificate");
    }

    @Test
    void refusesNamesACertificateCannotCarry() {
        CertificateAuthority ca = CertificateAuthority.generate("Reemo Infra CA test");

        assertThatThrownBy(() -> ca.issue("x", List.of("portal example.com"), List.of()))
                .hasMessageContaining("'portal example.com' is not a valid DNS name");
        assertThatThrownBy(() -> ca.issue("x", List.of("api"), List.of("10.199.0.300")))
                .hasMessageContaining("'10.199.0.300' is not a valid IP address");
    }
}
