package io.reemo.console.system;

import io.reemo.console.pki.CertificateNames;
import io.swagger.v3.oas.annotations.media.Schema;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.springframework.lang.Nullable;

@Schema(description = "The certificate the console's HTTPS serves now, and where it comes from")
record ServedCertificateView(
        @Schema(description = "OWN: made by the console at first start; UPLOADED: set on the Console certificate page or"
                + " with PUT; CONFIG: set in server.ssl.*, which wins; PLAIN: plain HTTP, no certificate") ServedCertificate.Source source,
        @Schema(description = "where it comes from, in words") String from,
        @Schema(description = "whether it can be changed here (not when server.ssl.* or plain HTTP decides)") boolean changeable,
        @Schema(description = "the certificate's subject (RFC 2253)", nullable = true) @Nullable String subject,
        @Schema(description = "the names it is good for: DNS:…, IP:… (its subject alternative names)", nullable = true) @Nullable String names,
        @Schema(description = "who issued it (RFC 2253)", nullable = true) @Nullable String issuer,
        @Schema(description = "the end of its validity", nullable = true) @Nullable Instant notAfter,
        @Schema(description = "SHA-256 of the certificate, as browsers show it", nullable = true) @Nullable String sha256Fingerprint) {

    /** @param certificate what is served, when it can be read */
    static ServedCertificateView of(ServedCertificate.Source source, @Nullable X509Certificate certificate) {
        String from = switch (source) {
            case OWN -> "the console's own certificate, made at first start";
            case UPLOADED -> "the certificate uploaded here";
            case CONFIG -> "the certificate set in the console's configuration (server.ssl.*), which wins over one set here";
            case PLAIN -> "none: the console serves plain HTTP (console.http.plain=true)";
        };
        boolean changeable = source == ServedCertificate.Source.OWN || source == ServedCertificate.Source.UPLOADED;
        if (certificate == null) {
            return new ServedCertificateView(source, from, changeable, null, null, null, null, null);
        }
        return new ServedCertificateView(source, from, changeable, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                CertificateNames.describe(certificate), certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotAfter().toInstant(), ConsoleCertificate.fingerprint(certificate));
    }
}
