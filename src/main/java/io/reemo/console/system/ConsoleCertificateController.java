package io.reemo.console.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/console-certificate")
@Tag(name = "Console certificate", description = "The certificate the console's own HTTPS serves (admin)")
class ConsoleCertificateController {

    private final ConsoleCertificateSettings settings;

    ConsoleCertificateController(ConsoleCertificateSettings settings) {
        this.settings = settings;
    }

    @Schema(description = "An upload taken: the certificate served from now on, and what its check warns about")
    record UploadAnswer(ServedCertificateView served, List<String> warnings) {
    }

    @GetMapping
    @Operation(summary = "The certificate served now (admin): subject, names, issuer, end, SHA-256 fingerprint, and where"
            + " it comes from")
    ServedCertificateView get() {
        return settings.current();
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Serve your certificate (admin), without a restart and after one: multipart with either"
            + " \"certificate\" (PEM chain, the server certificate first) and \"key\" (its unencrypted PEM private key; may"
            + " also be inside \"certificate\"), or \"pkcs12\" (a .p12/.pfx file) and its \"password\". Each file at most"
            + " 64 KiB. Refused (400, the problems in detail) unless it parses, the key is the certificate's, it is valid now"
            + " and made for a TLS server, not a CA; 409 when server.ssl.* or plain HTTP decides. The key is kept sealed"
            + " with the master key; the password is not kept. Audited (certificate.console) before it is served.")
    UploadAnswer put(@Parameter(description = "PEM certificate chain") @RequestParam(name = CertificateUpload.CERTIFICATE, required = false) MultipartFile certificate,
                     @Parameter(description = "PEM private key") @RequestParam(name = CertificateUpload.KEY, required = false) MultipartFile key,
                     @Parameter(description = "PKCS#12 file") @RequestParam(name = CertificateUpload.PKCS12, required = false) MultipartFile pkcs12,
                     @Parameter(description = "the PKCS#12 file's password") @RequestParam(name = CertificateUpload.PASSWORD, required = false) String password) {
        ConsoleCertificateSettings.Uploaded uploaded = settings.upload(certificate, key, pkcs12, password);
        return uploaded.served().map(served -> new UploadAnswer(served, uploaded.warnings()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Nothing was changed: " + String.join(" ", uploaded.errors())));
    }

    @DeleteMapping
    @Operation(summary = "Back to the console's own certificate (admin), without a restart; the uploaded one is forgotten."
            + " 409 when server.ssl.* or plain HTTP decides. Audited (certificate.console) before it is served.")
    ServedCertificateView delete() {
        return settings.useOwn();
    }

    @ExceptionHandler
    ProblemDetail fixed(CertificateFixedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
