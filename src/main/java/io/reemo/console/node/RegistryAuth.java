package io.reemo.console.node;

import com.github.dockerjava.api.model.AuthConfig;
import io.reemo.console.environment.EffectiveVariables.RegistryLogin;
import io.reemo.console.environment.EffectiveVariables;

/** The environment's registry login as a node's Docker takes it: for pulls, service creation and login checks. */
public final class RegistryAuth {

    private RegistryAuth() {
    }

    public static AuthConfig of(EffectiveVariables vars) {
        RegistryLogin login = vars.registryLogin();
        return new AuthConfig()
                .withRegistryAddress(login.registry())
                .withUsername(login.username())
                .withPassword(login.password());
    }
}
