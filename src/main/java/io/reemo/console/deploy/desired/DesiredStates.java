package io.reemo.console.deploy.desired;

import io.reemo.console.catalogue.CatalogueInput.CertificatePair;
import io.reemo.console.catalogue.CatalogueInput.InternalTls;
import io.reemo.console.catalogue.CatalogueInput;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceCatalogue;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables.CertificateFiles;
import io.reemo.console.environment.EffectiveVariables.TraefikCertMode;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.LocalFiles;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.secrets.SecretBox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Gathers what the catalogue needs besides the environment (PKI, uploaded certificates, maintenance switch)
 * and asks it for the desired state: the one place where plan and apply get the same answer.
 */
@Service
public class DesiredStates {

    /** Services that terminate no mTLS of their own. */
    private static final Set<Component> WITHOUT_TLS = Set.of(Component.TRAEFIK, Component.DB, Component.MAINTENANCE);

    private final ServiceCatalogue catalogue;
    private final VariableCatalogue variables;
    private final InternalPki pki;
    private final DeploymentRecords records;
    private final SecretBox box;
    private final LocalFiles files;

    DesiredStates(ServiceCatalogue catalogue, VariableCatalogue variables, InternalPki pki, DeploymentRecords records,
                  SecretBox box, LocalFiles files) {
        this.box = box;
        this.files = files;
        this.catalogue = catalogue;
        this.variables = variables;
        this.pki = pki;
        this.records = records;
    }

    /** For a plan: the stored PKI only, nothing is created. */
    /** An environment never stored (a new setup) has no PKI and no maintenance yet. */
    public DesiredState forPlan(Environment environment) {
        Long id = environment.id();
        InternalTls tls = id == null ? new InternalTls("", Map.of()) : pki.stored(id);
        return catalogue.desiredState(environment, input(environment, tls, id != null && records.maintenance(id)));
    }

    /** For a deploy: issues the PKI material that is missing first. */
    public DesiredState forApply(Environment environment, boolean maintenance) {
        DesiredState skeleton = catalogue.desiredState(environment, CatalogueInput.withoutTls().withMaintenance(maintenance));
        List<String> services = skeleton.clusters().stream().flatMap(c -> c.services().stream())
                .filter(s -> !WITHOUT_TLS.contains(s.component())).map(ServiceSpec::name).distinct().toList();
        InternalTls tls = pki.ensure(environment, services);
        return catalogue.desiredState(environment, input(environment, tls, maintenance));
    }

    private CatalogueInput input(Environment environment, InternalTls tls, boolean maintenance) {
        Map<String, List<CertificatePair>> traefik = new LinkedHashMap<>();
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables vars = variables.effective(environment, cluster);
            if (vars.traefikCertMode() == TraefikCertMode.UPLOADED) {
                List<CertificatePair> pairs = new ArrayList<>();
                for (CertificateFiles files : vars.certificates("TRAEFIK_SSL_CERTS")) {
                    pairs.add(new CertificatePair(read(files.certFile(), cluster), key(files.keyFile(), cluster)));
                }
                traefik.put(cluster.group(), pairs);
            }
        }
        return new CatalogueInput(tls, traefik, maintenance);
    }

    /** An uploaded key is sealed by the wizard; a key file the operator names is read as it is. */
    private String key(String file, Cluster cluster) {
        String content = read(file, cluster);
        return SecretBox.isEncrypted(content.strip()) ? box.decrypt(content.strip()) : content;
    }

    /** TRAEFIK_SSL_CERTS name files on the console's machine, as they were on the Ansible machine. */
    private String read(String file, Cluster cluster) {
        try {
            return files.readText(file);
        } catch (IOException e) {
            throw new DeployException("TRAEFIK_SSL_CERTS of " + cluster.group() + ": cannot read " + file
                    + " on the console's machine (" + e.getMessage() + "); upload the certificate again or fix the path");
        }
    }
}
