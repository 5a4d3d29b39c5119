package io.reemo.console.deploy.desired;

import io.reemo.console.catalogue.CatalogueInput.CertificatePair;
import io.reemo.console.catalogue.CatalogueInput.InternalTls;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.environment.Environment;
import io.reemo.console.pki.CertificateAuthority;
import io.reemo.console.pki.IssuedCertificate;
import io.reemo.console.secrets.SecretBox;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The internal PKI of an environment (product-calls.md §12): a CA and one certificate per service for mTLS,
 * kept by the console (keys encrypted) so that every deploy uses the same material until it is renewed.
 * {@code generated}: the console's own CA; {@code your-ca}: the operator's CA ({@code PKI_CA_CERT}/{@code PKI_CA_KEY}).
 */
@Service
public class InternalPki {

    static final String CA = "ca";

    private final JdbcClient db;
    private final SecretBox secrets;

    InternalPki(JdbcClient db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    /** The stored material, without creating any (for plans). */
    InternalTls stored(long environmentId) {
        Map<String, CertificatePair> all = load(environmentId);
        CertificatePair ca = all.remove(CA);
        return ca == null ? new InternalTls("", Map.of()) : new InternalTls(ca.certificatePem(), all);
    }

    /** Material for these services, issuing what is missing (for deploys); the steps of one job ask from several nodes at once. */
    synchronized InternalTls ensure(Environment environment, Collection<String> services) {
        long id = environment.id();
        Map<String, CertificatePair> all = load(id);
        CertificateAuthority authority = authority(environment, all.get(CA));
        if (!all.containsKey(CA)) {
            store(id, CA, authority.certificatePem(), authority.privateKeyPem(), authority.certificate().getNotAfter().toInstant());
            all.put(CA, new CertificatePair(authority.certificatePem(), authority.privateKeyPem()));
        }
        for (String service : services) {
            if (!all.containsKey(service)) {
                IssuedCertificate issued = authority.issue(service, List.of(service, service.replaceFirst("^reemo_", ""), "localhost"), List.of());
                store(id, service, issued.certificatePem(), issued.privateKeyPem(), issued.certificate().getNotAfter().toInstant());
                all.put(service, new CertificatePair(issued.certificatePem(), issued.privateKeyPem()));
            }
        }
        CertificatePair ca = all.remove(CA);
        all.keySet().retainAll(services);
        return new InternalTls(ca.certificatePem(), all);
    }

    private CertificateAuthority authority(Environment environment, CertificatePair stored) {
        if (stored != null) {
            return CertificateAuthority.fromPem(stored.certificatePem(), stored.keyPem());
        }
        if ("your-certs".equals(environment.vars().get("PKI_MODE"))) {
            throw new DeployException("PKI_MODE your-certs (one uploaded certificate per service) is not supported by the"
                    + " install job yet: choose generated or your-ca");
        }
        Object cert = environment.vars().get("PKI_CA_CERT");
        Object key = environment.vars().get("PKI_CA_KEY");
        if ("your-ca".equals(environment.vars().get("PKI_MODE")) && cert != null && key != null) {
            return CertificateAuthority.fromPem(cert.toString(), key.toString());
        }
        return CertificateAuthority.generate("Reemo Infra internal CA (" + environment.name() + ")");
    }

    private Map<String, CertificatePair> load(long environmentId) {
        Map<String, CertificatePair> all = new LinkedHashMap<>();
        db.sql("SELECT name, certificate_pem, private_key_enc FROM pki_material WHERE environment_id = ? ORDER BY name")
                .param(environmentId)
                .query((rs, n) -> all.put(rs.getString(1), new CertificatePair(rs.getString(2), secrets.decrypt(rs.getString(3)))))
                .list();
        return all;
    }

    private void store(long environmentId, String name, String certificatePem, String keyPem, java.time.Instant notAfter) {
        db.sql("INSERT INTO pki_material (environment_id, name, certificate_pem, private_key_enc, not_after) VALUES (?, ?, ?, ?, ?)")
                .params(environmentId, name, certificatePem, secrets.encrypt(keyPem), OffsetDateTime.ofInstant(notAfter, ZoneOffset.UTC))
                .update();
    }
}
