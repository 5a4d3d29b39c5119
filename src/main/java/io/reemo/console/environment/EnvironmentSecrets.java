package io.reemo.console.environment;

import io.reemo.console.secrets.SecretBox;
import io.reemo.console.secrets.SecretMasker;
import org.springframework.stereotype.Component;

/**
 * Seals an environment's secrets for storage and opens them again (the environment and the wizard's draft tables).
 * Both ways every secret becomes known to the {@link SecretMasker}: the values (the {@link SecretBox} registers
 * what it encrypts and decrypts), a value stored before its variable counted as a secret (still plain until the
 * next save), and the credentials the console builds out of them.
 */
@Component
public class EnvironmentSecrets {

    private final SecretBox box;
    private final SecretMasker masker;
    private final VariableCatalogue catalogue;

    EnvironmentSecrets(SecretBox box, SecretMasker masker, VariableCatalogue catalogue) {
        this.box = box;
        this.masker = masker;
        this.catalogue = catalogue;
    }

    /** A copy with every secret value encrypted. */
    public Environment seal(Environment environment) {
        registerComposites(environment);
        return SecretFields.map(environment, catalogue, box::encrypt);
    }

    /** A copy with every secret value decrypted. */
    public Environment open(Environment stored) {
        Environment plain = SecretFields.map(stored, catalogue, v -> {
            if (SecretBox.isEncrypted(v)) {
                return box.decrypt(v);
            }
            masker.register(v);
            return v;
        });
        registerComposites(plain);
        return plain;
    }

    /**
     * What the console and the services build out of secrets: the registry login {@code user:password} (whose
     * base64 is a Basic header and the "auth" of a Docker config.json) and the parts of an SMTP login
     * {@code server:user:password} (Exim's passwd.client holds them apart).
     */
    private void registerComposites(Environment environment) {
        for (Cluster cluster : environment.clusters()) {
            EffectiveVariables.RegistryLogin login = catalogue.effective(environment, cluster).registryLogin();
            if (login.username() != null && login.password() != null) {
                masker.register(login.username() + ":" + login.password());
            }
        }
        for (VariableSite site : VariableSite.of(environment)) {
            site.vars().forEach((name, value) -> {
                if (catalogue.find(name).map(v -> v.type() == VariableType.SMTP_CREDENTIALS).orElse(false)) {
                    SmtpLogin.of(value).ifPresent(login -> {
                        masker.register(login.user() + ":" + login.password());
                        masker.register(login.password());
                    });
                }
            });
        }
    }
}
