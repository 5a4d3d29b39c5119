package io.reemo.console.catalogue;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue needs besides the environment, gathered beforehand by the deploy steps, so that the
 * catalogue itself never does I/O.
 *
 * @param internalTls         the internal PKI: CA certificate and one certificate/key per service name
 * @param traefikCertificates uploaded Traefik certificates by cluster group (contents, read from the files)
 * @param maintenance         the maintenance switch: the user portal URL serves the maintenance page
 */
public record CatalogueInput(InternalTls internalTls, Map<String, List<CertificatePair>> traefikCertificates,
                             boolean maintenance) {

    public CatalogueInput {
        traefikCertificates = Map.copyOf(traefikCertificates);
    }

    public static CatalogueInput withoutTls() {
        return new CatalogueInput(new InternalTls("", Map.of()), Map.of(), false);
    }

    public CatalogueInput withMaintenance(boolean on) {
        return new CatalogueInput(internalTls, traefikCertificates, on);
    }

    public record CertificatePair(String certificatePem, String keyPem) {
        @Override
        public String toString() {
            return "CertificatePair[key hidden]";
        }
    }

    public record InternalTls(String caCertificatePem, Map<String, CertificatePair> byService) {
        public InternalTls {
            byService = Map.copyOf(byService);
        }
    }
}
