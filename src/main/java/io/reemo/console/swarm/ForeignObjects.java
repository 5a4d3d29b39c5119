package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Config;
import com.github.dockerjava.api.model.Secret;
import java.util.List;
import java.util.Map;

/**
 * Removes what the console left alone in a Swarm (see {@link Planner#leftAlone}), one entry at a time, as the plan
 * names it ({@code secret reemo_mysql_root_password}): only ever on the operator's word. Docker refuses to remove a
 * secret, config or network that a service still uses; that refusal is the answer.
 */
public final class ForeignObjects {

    private ForeignObjects() {
    }

    /** Whether {@code entry} has the shape the plan lists: a kind (service, network, secret, config), a space, a name. */
    public static boolean named(String entry) {
        return entry != null && entry.matches("(service|network|secret|config) [A-Za-z0-9][A-Za-z0-9_.-]*");
    }

    public static void remove(DockerClient docker, String entry) {
        String name = entry.substring(entry.indexOf(' ') + 1);
        switch (entry.substring(0, entry.indexOf(' '))) {
            case "service" -> docker.removeServiceCmd(name).exec();
            case "network" -> docker.removeNetworkCmd(name).exec();
            case "secret" -> docker.listSecretsCmd().withNameFilter(List.of(name)).exec().stream()
                    .filter(s -> s.getSpec().getName().equals(name)).map(Secret::getId).findFirst()
                    .ifPresent(id -> docker.removeSecretCmd(id).exec());
            case "config" -> docker.listConfigsCmd().withFilters(Map.of("name", List.of(name))).exec().stream()
                    .filter(c -> c.getSpec().getName().equals(name)).map(Config::getId).findFirst()
                    .ifPresent(id -> docker.removeConfigCmd(id).exec());
            default -> throw new IllegalArgumentException("not an entry of what was left alone: " + entry);
        }
    }
}
