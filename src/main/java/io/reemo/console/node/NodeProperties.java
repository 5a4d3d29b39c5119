package io.reemo.console.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every timeout on the road to a node, in one place ({@code console.node.*}).
 *
 * @param connectTimeout       TCP connect, and each read of the SSH handshake (10 s)
 * @param loginTimeout         connect, banner, key exchange and login together: a dead address fails within it (25 s)
 * @param keepAlive            how often an idle SSH connection is checked; a server that stopped answering is dropped (15 s)
 * @param commandTimeout       a command run without a timeout of its own (probes, facts) is stopped after this (60 s)
 * @param dockerConnectTimeout opening an HTTP connection to the node's Docker through the bridge (30 s)
 * @param dockerCallTimeout    each Docker call may wait this long for the next bytes of its answer (5 min). It bounds
 *                             silence, not the whole call: a long image pull whose progress keeps flowing never hits it,
 *                             a daemon that stopped answering does
 */
@ConfigurationProperties("console.node")
public record NodeProperties(Duration connectTimeout, Duration loginTimeout, Duration keepAlive, Duration commandTimeout,
                             Duration dockerConnectTimeout, Duration dockerCallTimeout) {

    public NodeProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        loginTimeout = loginTimeout == null ? Duration.ofSeconds(25) : loginTimeout;
        keepAlive = keepAlive == null ? Duration.ofSeconds(15) : keepAlive;
        commandTimeout = commandTimeout == null ? Duration.ofSeconds(60) : commandTimeout;
        dockerConnectTimeout = dockerConnectTimeout == null ? Duration.ofSeconds(30) : dockerConnectTimeout;
        dockerCallTimeout = dockerCallTimeout == null ? Duration.ofMinutes(5) : dockerCallTimeout;
    }
}
