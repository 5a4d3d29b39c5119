package io.reemo.console.node.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * The only host key check the console uses: the presented key must match the pin. It records what
 * was presented, so a refusal can show the operator both fingerprints (or the new one to pin).
 * Without a pin it refuses every key, which is exactly what a probe for the fingerprint needs.
 */
final class PinnedHostKeyVerifier implements HostKeyVerifier {

    private final String pin;
    private volatile String presented;

    PinnedHostKeyVerifier(String pin) {
        this.pin = pin;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = HostKeyFingerprint.sha256(key);
        return HostKeyFingerprint.matches(pin, presented);
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    /** The fingerprint the server presented, {@code null} when the connection never got that far. */
    String presented() {
        return presented;
    }
}
