package io.reemo.console.environment;

import java.util.List;

/**
 * The stored environments: the module's public face for every other module. Environments come back with their
 * secrets decrypted (each registered with the secret masker); they are encrypted again when saved.
 */
public interface Environments {

    /** @throws EnvironmentNotFoundException when there is none with this id */
    Environment get(long id);

    List<Environment> list();

    /**
     * Inserts (id {@code null}) or replaces; returns the stored environment with its id. Does not validate: callers
     * run {@link EnvironmentValidator#requireValid} first.
     *
     * @throws DuplicateEnvironmentNameException when another environment has the same name
     */
    Environment save(Environment environment);

    void delete(long id);

    /** Pins a node's host key when none is pinned yet (or the same one is). */
    default HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256) {
        return pinHostKey(environmentId, nodeName, sha256, false);
    }

    /**
     * Pins a node's host key, {@code SHA256:…} as {@code ssh-keygen -l -E sha256} prints it. Not audited here: the
     * caller records who pinned it (the returned pin says whether anything changed and what was replaced).
     *
     * @param replace whether an other key already pinned may be replaced
     * @throws HostKeyAlreadyPinnedException when another key is pinned and {@code replace} is false
     * @throws InvalidEnvironmentException when the fingerprint is not in the SHA256:… form
     */
    HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace);

    Environment recordFacts(long environmentId, String nodeName, NodeFacts facts);
}
