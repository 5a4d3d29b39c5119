package io.reemo.console.admin.dashboard;

import io.reemo.console.environment.LocalFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.DeploymentRecords.InternalCertificate;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploaded Traefik certificates are read from the files TRAEFIK_SSL_CERTS names; the internal PKI from its records. */
class CertificateExpiriesTest {

    @TempDir
    Path dir;

    @Test
    void readsUploadedTraefikCertificatesAndTheInternalPkiSoonestFirst() throws Exception {
        IssuedCertificate portal = CertificateAuthority.generate("Operator CA")
                .issue("portal.example.com", List.of("portal.example.com"), List.of(), Duration.ofDays(20));
        Path certFile = Files.writeString(dir.resolve("portal.pem"), portal.chainPem());
        Environment environment = Fixtures.withGroup(Fixtures.cluster(), Cluster.INFRA, "TRAEFIK_SSL_CERTS", List.of(
                Map.of("cert_file", certFile.toString(), "key_file", dir.resolve("portal.key").toString()),
                Map.of("cert_file", dir.resolve("gone.pem").toString(), "key_file", dir.resolve("gone.key").toString())))
                .withId(5L);
        DeploymentRecords records = mock(DeploymentRecords.class);
        when(records.internalCertificates(5)).thenReturn(List.of(
                new InternalCertificate("ca", OffsetDateTime.now(ZoneOffset.UTC).plusYears(10))));

        List<CertificateExpiry> expiries = new CertificateExpiries(records, new VariableCatalogue(), new LocalFiles(List.of(dir))).of(environment);

        assertThat(expiries).hasSize(3);
        assertThat(expiries.get(0).level()).isEqualTo(Level.ERROR);
        assertThat(expiries.get(0).note()).startsWith("cannot read the file on the console's machine").contains("gone.pem");
        assertThat(expiries.get(1).source()).isEqualTo("Traefik (infra_manager)");
        assertThat(expiries.get(1).name()).contains("CN=portal.example.com");
        assertThat(expiries.get(1).level()).isEqualTo(Level.WARN);
        assertThat(expiries.get(1).note()).matches("expires in (19|20) days");
        assertThat(expiries.get(2)).extracting(CertificateExpiry::source, CertificateExpiry::name, CertificateExpiry::level)
                .containsExactly(CertificateExpiries.INTERNAL, "certificate authority", Level.OK);
    }
}
