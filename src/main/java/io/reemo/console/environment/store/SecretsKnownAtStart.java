package io.reemo.console.environment.store;

import io.reemo.console.environment.Environments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens every environment's secrets once the console is up, which registers each with the SecretMasker: a secret
 * must be masked in what a node prints even before anything of its environment was read since the start.
 */
@Component
class SecretsKnownAtStart {

    private static final Logger log = LoggerFactory.getLogger(SecretsKnownAtStart.class);

    private final Environments environments;

    SecretsKnownAtStart(Environments environments) {
        this.environments = environments;
    }

    /** A secret that cannot be opened (a keyring file missing) is said when its environment is used, not here. */
    @EventListener(ApplicationReadyEvent.class)
    void registerAll() {
        try {
            environments.list();
        } catch (RuntimeException e) {
            log.warn("Could not open every environment's secrets at start, so some are masked only once used: {}", e.getMessage());
        }
    }
}
