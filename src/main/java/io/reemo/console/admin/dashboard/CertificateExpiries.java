package io.reemo.console.admin.dashboard;

import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.CertificateFiles;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.pki.Pem;
import io.reemo.console.pki.PemBundle;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The expiry of every certificate the console put in place: the Traefik certificates the operator uploaded
 * ({@code TRAEFIK_SSL_CERTS}, files on the console's machine) and the internal PKI it generated (product-calls.md §12).
 * Soonest first, so that what needs renewing leads.
 */
@Component
class CertificateExpiries {

    static final String INTERNAL = "Internal PKI";

    private final DeploymentRecords records;
    private final VariableCatalogue variables;
    private final LocalFiles files;

    CertificateExpiries(DeploymentRecords records, VariableCatalogue variables, LocalFiles files) {
        this.records = records;
        this.variables = variables;
        this.files = files;
    }

    List<CertificateExpiry> of(Environment environment) {
        Instant now = Instant.now();
        List<CertificateExpiry> all = new ArrayList<>();
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = variables.effective(environment, cluster);
            if (vars.traefikCertMode() == TraefikCertMode.UPLOADED) {
                vars.certificates("TRAEFIK_SSL_CERTS").forEach(files -> all.add(traefik(cluster, files, now)));
            }
        }
        records.internalCertificates(environment.id()).forEach(certificate -> all.add(CertificateExpiry.of(INTERNAL,
                certificate.name().equals("ca") ? "certificate authority" : certificate.name(), certificate.notAfter().toInstant(), now)));
        all.sort(Comparator.comparing(CertificateExpiry::notAfter, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    private CertificateExpiry traefik(Cluster cluster, CertificateFiles pair, Instant now) {
        String source = "Traefik (" + cluster.group() + ")";
        try {
            PemBundle pem = Pem.read(files.readText(pair.certFile()));
            if (pem.certificates().isEmpty()) {
                return CertificateExpiry.unreadable(source, pair.certFile(), "no certificate in the file");
            }
            X509Certificate leaf = pem.certificates().get(0);
            return CertificateExpiry.of(source, leaf.getSubjectX500Principal().getName(), leaf.getNotAfter().toInstant(), now);
        } catch (IOException e) {
            return CertificateExpiry.unreadable(source, pair.certFile(), "cannot read the file on the console's machine: " + e.getMessage());
        }
    }
}
