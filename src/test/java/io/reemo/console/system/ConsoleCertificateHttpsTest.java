package io.reemo.console.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import io.reemo.console.secrets.SecretBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Console certificate API on a real Tomcat over HTTPS: an uploaded certificate is what a new TLS connection gets at
 * once (no restart), it is kept sealed and served again after a restart, and DELETE brings back the console's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ConsoleHttps.PLAIN + "=false", "CONSOLE_ADMIN_PASSWORD=" + ConsoleCertificateHttpsTest.PASSWORD})
class ConsoleCertificateHttpsTest {

    static final String PASSWORD = "certificate-test-password";
    private static final Path DATA_DIR = temporaryDirectory();
    private static final String BOUNDARY = "reemo-test-boundary";

    @LocalServerPort
    private int port;
    @Autowired
    private SecretBox box;
    @Autowired
    private JdbcClient db;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("console.data-dir", DATA_DIR::toString);
    }

    @Test
    void anUploadedCertificateIsServedAtOnceAndAfterARestartAndDeleteBringsBackTheConsolesOwn() throws Exception {
        String own = servedFingerprint();
        assertThat(call("GET", null).body()).contains("\"source\":\"OWN\"", own);

        CertificateAuthority ca = CertificateAuthority.generate("Operator CA");
        IssuedCertificate mine = ca.issue("console.example.com", List.of("console.example.com", "localhost"), List.of("127.0.0.1"));
        String uploadedFingerprint = ConsoleCertificate.fingerprint(mine.certificate());
        HttpResponse<String> put = call("PUT", Map.of("certificate", mine.chainPem().getBytes(StandardCharsets.UTF_8),
                "key", mine.privateKeyPem().getBytes(StandardCharsets.UTF_8)));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"source\":\"UPLOADED\"", uploadedFingerprint);
        assertThat(servedFingerprint()).isEqualTo(uploadedFingerprint).isNotEqualTo(own);
        assertThat(page()).contains("From the certificate uploaded here.", uploadedFingerprint, "DNS:console.example.com");
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'certificate.console' ORDER BY id").query(String.class).list())
                .singleElement().asString().startsWith("uploaded CN=console.example.com issued by CN=Operator CA").contains(uploadedFingerprint);
        String sealed = Files.readString(DATA_DIR.resolve("tls").resolve(ConsoleCertificate.UPLOADED_FILE));
        assertThat(sealed).startsWith("v1:").doesNotContain("PRIVATE KEY");

        // a restart reads the same directory: the uploaded one is served
        ServedCertificate restarted = new ServedCertificate(ServedCertificate.Source.OWN, DATA_DIR.resolve("tls"), box);
        restarted.register(new DefaultSslBundleRegistry());
        assertThat(restarted.source()).isEqualTo(ServedCertificate.Source.UPLOADED);
        assertThat(restarted.certificate().orElseThrow().fingerprint()).isEqualTo(uploadedFingerprint);

        HttpResponse<String> delete = call("DELETE", null);

        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(delete.body()).contains("\"source\":\"OWN\"", own);
        assertThat(servedFingerprint()).isEqualTo(own);
        assertThat(DATA_DIR.resolve("tls").resolve(ConsoleCertificate.UPLOADED_FILE)).doesNotExist();
        assertThat(db.sql("SELECT detail FROM audit_event WHERE action = 'certificate.console' ORDER BY id DESC").query(String.class).list())
                .first().isEqualTo("back to the console's own certificate");
    }

    @Test
    void aRefusedUploadChangesNothingAndSaysWhy() throws Exception {
        String before = servedFingerprint();
        CertificateAuthority ca = CertificateAuthority.generate("Operator CA");
        IssuedCertificate mine = ca.issue("console.example.com", List.of("console.example.com"), List.of());
        IssuedCertificate other = ca.issue("other.example.com", List.of("other.example.com"), List.of());

        HttpResponse<String> put = call("PUT", Map.of("certificate", mine.chainPem().getBytes(StandardCharsets.UTF_8),
                "key", other.privateKeyPem().getBytes(StandardCharsets.UTF_8)));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("Nothing was changed: The private key does not belong to certificate 1 of 2")
                .doesNotContain("PRIVATE KEY");
        assertThat(servedFingerprint()).isEqualTo(before);
    }

    /** A new TLS connection, whatever it is served; its certificate's fingerprint. */
    private String servedFingerprint() throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingAll().getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return ConsoleCertificate.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    private HttpResponse<String> call(String method, Map<String, byte[]> parts) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/console-certificate"))
                .header("Authorization", basic()).timeout(Duration.ofSeconds(30));
        if (parts == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(multipart(parts)));
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String page() throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/console-certificate"))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] multipart(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getKey() + ".pem\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(part.getValue());
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Each call its own client, so that no connection of an earlier certificate is reused. */
    private static HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(trustingAll()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The test looks at whichever certificate is served, so it trusts any. */
    private static SSLContext trustingAll() throws Exception {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("reemo-console-certificate-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
