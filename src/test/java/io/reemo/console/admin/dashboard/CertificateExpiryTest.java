package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateExpiryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void warnsThirtyDaysAheadAndCallsAnExpiredCertificateAnError() {
        assertThat(expiry(Duration.ofDays(31))).extracting(CertificateExpiry::level, CertificateExpiry::note)
                .containsExactly(Level.OK, "expires in 31 days");
        assertThat(expiry(Duration.ofDays(29))).extracting(CertificateExpiry::level, CertificateExpiry::note)
                .containsExactly(Level.WARN, "expires in 29 days");
        assertThat(expiry(Duration.ofHours(5))).extracting(CertificateExpiry::level, CertificateExpiry::note)
                .containsExactly(Level.WARN, "expires within a day");
        assertThat(expiry(Duration.ofDays(-3))).extracting(CertificateExpiry::level, CertificateExpiry::note)
                .containsExactly(Level.ERROR, "expired 3 days ago");
        assertThat(expiry(Duration.ZERO).level()).isEqualTo(Level.ERROR);
    }

    @Test
    void anUnreadableCertificateIsAnErrorThatSaysWhy() {
        CertificateExpiry unreadable = CertificateExpiry.unreadable("Traefik (infra_manager)", "/etc/certs/portal.pem",
                "cannot read the file on the console's machine: /etc/certs/portal.pem");
        assertThat(unreadable.level()).isEqualTo(Level.ERROR);
        assertThat(unreadable.validUntil()).isEmpty();
    }

    private static CertificateExpiry expiry(Duration left) {
        return CertificateExpiry.of("Internal PKI", "reemo_api", NOW.plus(left), NOW);
    }
}
