package io.reemo.console.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateCheckTest {

    private final CertificateAuthority ca = CertificateAuthority.generate("Reemo Infra CA test");
    private final CertificateCheck check = new CertificateCheck();

    @TempDir
    Path dir;

    @Test
    void anIssuedCertificateWithItsKeyAndCaPasses() {
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());

        List<Finding> findings = check.checkCertificate(portal.chainPem(), portal.privateKeyPem(), ca.certificatePem(),
                List.of("portal.example.com"));

        assertThat(findings).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
        assertThat(findings.get(findings.size() - 1).message())
                .startsWith("Certificate 1 of 2 'CN=portal', issued by 'CN=Reemo Infra CA test', is valid until ")
                .endsWith(" for DNS:portal.example.com.");
    }

    @Test
    void aKeyOfAnotherCertificateIsRejectedWithoutShowingTheKey() {
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());
        IssuedCertificate other = ca.issue("other", List.of("other.example.com"), List.of());

        List<Finding> findings = check.checkCertificate(portal.certificatePem(), other.privateKeyPem(), ca.certificatePem(),
                List.of());

        assertThat(errors(findings)).containsExactly("The private key does not belong to the certificate 'CN=portal': "
                + "upload the key this certificate was issued for (the one its request was made with).");
        String keyBody = other.privateKeyPem().lines().skip(1).findFirst().orElseThrow();
        assertThat(findings).noneMatch(f -> f.message().contains(keyBody.substring(0, 20)));
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRejected() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("corp", "Corp Root", 30);
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());

        List<Finding> findings = check.checkCertificate(portal.certificatePem(), openssl.read("corp.key"), null, List.of());

        assertThat(errors(findings)).containsExactly("The private key is an RSA key but the certificate 'CN=portal' holds "
                + "an EC key: they do not belong together. Upload the key this certificate was issued for.");
    }

    @Test
    void anExpiredCertificateIsAnErrorThatGivesTheDate() {
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());
        Instant end = portal.certificate().getNotAfter().toInstant();

        List<Finding> findings = checkAt(end.plus(Duration.ofDays(1)))
                .checkCertificate(portal.certificatePem(), portal.privateKeyPem(), ca.certificatePem(), List.of());

        assertThat(errors(findings)).containsExactly("The certificate 'CN=portal' expired on " + utc(end)
                + ": renew it and upload the new one.");
    }

    @Test
    void aCertificateEndingWithinThirtyDaysIsAWarning() {
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());
        Instant end = portal.certificate().getNotAfter().toInstant();

        List<Finding> findings = checkAt(end.minus(Duration.ofDays(12)).minusSeconds(60))
                .checkCertificate(portal.certificatePem(), portal.privateKeyPem(), ca.certificatePem(), List.of());

        assertThat(errors(findings)).isEmpty();
        assertThat(warnings(findings)).containsExactly("The certificate 'CN=portal' expires on " + utc(end)
                + ", in 12 days: renew it before then.");
    }

    @Test
    void aWildcardCoversExactlyOneLabel() {
        IssuedCertificate wildcard = ca.issue("wildcard", List.of("*.example.com"), List.of());

        assertThat(errors(checkNames(wildcard, "portal.example.com", "PORTAL.Example.com."))).isEmpty();
        assertThat(errors(checkNames(wildcard, "a.portal.example.com", "example.com"))).containsExactly(
                "The certificate 'CN=wildcard' does not cover 'a.portal.example.com': it is for DNS:*.example.com. Use a "
                        + "certificate whose subject alternative names include 'a.portal.example.com' (a wildcard "
                        + "'*.domain' covers one level below the domain).",
                "The certificate 'CN=wildcard' does not cover 'example.com': it is for DNS:*.example.com. Use a "
                        + "certificate whose subject alternative names include 'example.com' (a wildcard '*.domain' "
                        + "covers one level below the domain).");
    }

    @Test
    void ipAddressesAreMatchedAgainstIpEntriesOnly() {
        IssuedCertificate api = ca.issue("10.199.0.1", List.of("api"), List.of("10.199.0.1"));

        assertThat(errors(checkNames(api, "10.199.0.1"))).isEmpty();
        assertThat(errors(checkNames(api, "10.199.0.2"))).hasSize(1);
    }

    @Test
    void theCommonNameCountsOnlyWhenThereIsNoAlternativeName() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.selfSignedWithoutAlternativeNames("legacy", "portal.example.com");
        IssuedCertificate modern = ca.issue("portal.example.com", List.of("api.example.com"), List.of());

        List<Finding> legacy = check.checkCertificate(openssl.read("legacy.pem"), openssl.read("legacy.key"), null,
                List.of("portal.example.com"));

        assertThat(errors(legacy)).isEmpty();
        assertThat(warnings(legacy)).containsExactly("The certificate 'CN=portal.example.com' covers 'portal.example.com' "
                + "only through its common name, which browsers and most TLS clients ignore: reissue it with "
                + "'portal.example.com' in its subject alternative names.");
        assertThat(errors(checkNames(modern, "portal.example.com"))).hasSize(1);
    }

    @Test
    void aChainThroughAnIntermediateVerifiesUpToTheCa() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("root", "Test Root", 365);
        openssl.intermediate("issuing", "Test Issuing CA", "root");
        openssl.server("portal", "portal.example.com", "issuing", "DNS:portal.example.com");
        String leafFirst = openssl.read("portal.pem") + openssl.read("issuing.pem");

        assertThat(errors(check.checkCertificate(leafFirst, openssl.read("portal.key"), openssl.read("root.pem"),
                List.of("portal.example.com")))).isEmpty();
        assertThat(errors(check.checkCertificate(openssl.read("portal.pem"), openssl.read("portal.key"),
                openssl.read("root.pem"), List.of()))).containsExactly("The chain does not lead to the CA certificate "
                + "'CN=Test Root': the certificate 'CN=portal.example.com' was issued by 'CN=Test Issuing CA'. Add the "
                + "missing intermediate certificates after the certificate, or give the CA that issued it.");
        assertThat(errors(check.checkCertificate(openssl.read("issuing.pem") + openssl.read("portal.pem"),
                openssl.read("portal.key"), openssl.read("root.pem"), List.of())))
                .anySatisfy(e -> assertThat(e).startsWith("The private key does not belong to certificate 1 of 2 "
                        + "'CN=Test Issuing CA'"))
                .anySatisfy(e -> assertThat(e).startsWith("Certificate 1 of 2 'CN=Test Issuing CA' was not issued by the "
                        + "next one in the file, certificate 2 of 2 'CN=portal.example.com'"));
    }

    @Test
    void withoutCaTheCertificateAloneIsAWarningAndTheFileEndsTheChain() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("root", "Test Root", 365);
        openssl.intermediate("issuing", "Test Issuing CA", "root");
        openssl.server("portal", "portal.example.com", "issuing", "DNS:portal.example.com");

        List<Finding> alone = check.checkCertificate(openssl.read("portal.pem"), openssl.read("portal.key"), null, List.of());
        List<Finding> chained = check.checkCertificate(openssl.read("portal.pem") + openssl.read("issuing.pem"),
                openssl.read("portal.key"), null, List.of());

        assertThat(warnings(alone)).containsExactly("The certificate 'CN=portal.example.com' comes without the "
                + "certificates of its issuer 'CN=Test Issuing CA': clients that do not already hold that intermediate CA "
                + "will not trust it. Append the intermediate certificates after the certificate in the file.");
        assertThat(chained).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
    }

    @Test
    void readsAnOpensslBundleWithRsaPkcs1CaEcSec1KeyAndTextBetweenTheBlocks() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("root", "Test Root", 365);
        openssl.server("portal", "portal.example.com", "root", "DNS:portal.example.com,DNS:www.example.com");
        assertThat(openssl.read("portal.key")).startsWith("-----BEGIN EC PRIVATE KEY-----");
        String bundle = "Bag Attributes\n    friendlyName: portal\nsubject=CN = portal.example.com\n"
                + openssl.read("portal.pem") + "\nissuer below\r\n" + openssl.read("root.pem") + "key:\n"
                + openssl.read("portal.key");

        PemBundle read = Pem.read(bundle);
        List<Finding> findings = check.checkCertificate(bundle, null, null, List.of("www.example.com"));

        assertThat(read.certificates()).hasSize(2);
        assertThat(read.privateKeys()).hasSize(1);
        assertThat(findings).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
        assertThat(check.checkAuthority(openssl.read("root.pem"), openssl.read("root.key")))
                .extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
    }

    /** sshj registers BouncyCastle for the whole JVM; EC keys read from PEM then call themselves "ECDSA". */
    @Test
    void matchesEcKeysNamedEcdsaOnceBouncyCastleIsRegistered() {
        IssuedCertificate portal = ca.issue("portal", List.of("portal.example.com"), List.of());
        boolean added = Security.addProvider(new BouncyCastleProvider()) > 0;
        try {
            assertThat(Pem.read(portal.privateKeyPem()).privateKeys().get(0).getAlgorithm()).isEqualTo("ECDSA");
            assertThat(check.checkCertificate(portal.certificatePem(), portal.privateKeyPem(), ca.certificatePem(),
                    List.of("portal.example.com"))).extracting(Finding::severity).containsOnly(Finding.Severity.INFO);
        } finally {
            if (added) {
                Security.removeProvider(BouncyCastleProvider.PROVIDER_NAME);
            }
        }
    }

    @Test
    void explainsKeysAndFilesItCannotUse() {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.rsaAuthority("root", "Test Root", 365);
        openssl.run("pkcs8", "-topk8", "-in", "root.key", "-passout", "pass:secret", "-out", "encrypted.key");
        String cutShort = openssl.read("root.pem").substring(0, 200);

        assertThat(errors(check.checkAuthority(openssl.read("root.pem"), openssl.read("encrypted.key")))).containsExactly(
                "CA key: PEM block 1 (ENCRYPTED PRIVATE KEY, line 1) is an encrypted private key: upload it without a "
                        + "passphrase (openssl pkey -in key.pem -out plain-key.pem), as 'BEGIN PRIVATE KEY' (PKCS#8), "
                        + "'BEGIN RSA PRIVATE KEY' or 'BEGIN EC PRIVATE KEY'.",
                "No private key found for the CA certificate 'CN=Test Root': upload its key in PEM, as 'BEGIN PRIVATE KEY' "
                        + "(PKCS#8), 'BEGIN RSA PRIVATE KEY' or 'BEGIN EC PRIVATE KEY'.");
        assertThat(errors(check.checkAuthority(openssl.read("root.pem"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n")))
                .first().asString().startsWith("CA key: PEM block 1 (OPENSSH PRIVATE KEY, line 1) is an OpenSSH key");
        assertThat(errors(check.checkCertificate("comment\n" + cutShort, null, null, List.of()))).first().asString()
                .isEqualTo("Certificate: PEM block 1 (CERTIFICATE, line 2) has no matching '-----END CERTIFICATE-----' "
                        + "line: the file looks cut short; upload it again in full.");
        assertThat(errors(check.checkCertificate("MIIBkTCB+wIJA", null, null, List.of()))).first().asString()
                .startsWith("Certificate: No PEM block found");
    }

    private List<Finding> checkNames(IssuedCertificate certificate, String... names) {
        return check.checkCertificate(certificate.certificatePem(), certificate.privateKeyPem(), ca.certificatePem(),
                List.of(names));
    }

    private static CertificateCheck checkAt(Instant now) {
        return new CertificateCheck(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(instant);
    }

    private static List<String> errors(List<Finding> findings) {
        return messages(findings, Finding.Severity.ERROR);
    }

    private static List<String> warnings(List<Finding> findings) {
        return messages(findings, Finding.Severity.WARNING);
    }

    private static List<String> messages(List<Finding> findings, Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
    }
}
