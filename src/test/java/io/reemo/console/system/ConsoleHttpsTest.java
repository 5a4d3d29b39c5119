package io.reemo.console.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reemo.console.pki.Pem;
import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's default transport on a real Tomcat: HTTPS with the certificate it made at first start, whose
 * fingerprint the log prints, HSTS and a Secure session cookie; plain HTTP is not served on that port.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ConsoleHttps.PLAIN + "=false", "CONSOLE_ADMIN_PASSWORD=https-test-password"})
class ConsoleHttpsTest {

    private static final Path DATA_DIR = temporaryDirectory();

    @LocalServerPort
    private int port;
    @Autowired
    private SecretBox box;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("console.data-dir", DATA_DIR::toString);
    }

    @Test
    void theConsoleAnswersHttpsWithTheCertificateWhoseFingerprintTheLogPrinted(CapturedOutput output) throws Exception {
        List<X509Certificate> chain = Pem.read(Files.readString(tls().resolve(ConsoleCertificate.CHAIN_FILE))).certificates();
        HttpResponse<String> login = trusting(chain.get(chain.size() - 1)).send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).contains("Secure", "HttpOnly"));
        X509Certificate served = (X509Certificate) login.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(output.getOut()).contains("Tomcat started on port " + port + " (https)")
                .contains("HTTPS with the console's own certificate (made now in")
                .contains("SHA-256 fingerprint " + fingerprint(served));
    }

    @Test
    void plainHttpIsNotServedOnTheHttpsPort() throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> answer = plain.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("Sign in");
        } catch (IOException refused) {
            // Tomcat may also just close the connection: either way no page is served in clear
        }
    }

    @Test
    void theKeyIsSealedOnDiskAndTheCertificateIsKeptUntilItNearsItsEnd() throws Exception {
        Path key = tls().resolve(ConsoleCertificate.KEY_FILE);
        assertThat(Files.readString(key)).doesNotContain("PRIVATE KEY").startsWith("v1:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        // on a copy: the running server keeps serving what the other tests check
        Path copy = Files.createTempDirectory("reemo-https-copy");
        for (String file : List.of(ConsoleCertificate.CHAIN_FILE, ConsoleCertificate.KEY_FILE)) {
            Files.copy(tls().resolve(file), copy.resolve(file));
        }
        ConsoleCertificate kept = ConsoleCertificate.loadOrMake(copy, box, Clock.systemUTC());
        assertThat(kept.made()).isFalse();
        assertThat(kept.certificate().getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .contains("localhost", "127.0.0.1");

        Clock nearItsEnd = Clock.fixed(kept.certificate().getNotAfter().toInstant().minus(Duration.ofDays(29)), ZoneOffset.UTC);
        ConsoleCertificate renewed = ConsoleCertificate.loadOrMake(copy, box, nearItsEnd);
        assertThat(renewed.made()).isTrue();
        assertThat(renewed.fingerprint()).isNotEqualTo(kept.fingerprint());
    }

    @Test
    void anUnwritableCertificateDirectorySaysWhatToDo() throws IOException {
        Path elsewhere = Files.createTempDirectory("reemo-https-unwritable");
        Files.writeString(elsewhere.resolve("tls"), "a file where the directory should be");
        assertThatThrownBy(() -> ConsoleCertificate.loadOrMake(elsewhere.resolve("tls"), box, Clock.systemUTC()))
                .hasMessageContaining("could not be read or written").hasMessageContaining("console.http.plain=true");
    }

    private static Path tls() {
        return DATA_DIR.resolve("tls");
    }

    private static HttpClient trusting(X509Certificate authority) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("console", authority);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reemo-console-https-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
