package io.reemo.console.environment;

import java.util.List;

/**
 * The stored environments: the module's public face for every other module. Environments come back with their
 * secrets decrypted (each registered with the secret masker); they are encrypted again when saved.
 */
public interface Environments {

    /** @throws EnvironmentNotFoundException when there is none with this id */
    Environment get(long id);

    /** @throws EnvironmentNotFoundException when there is none with this id */
    CurrentEnvironment current(long id);

    List<Environment> list();

    /**
     * Inserts (id {@code null}) or replaces, as a new {@link Revision} made by {@code edit}; returns the stored
     * environment with its id. A save that changes nothing makes no revision. Does not validate: callers run
     * {@link EnvironmentValidator#requireValid} first.
     *
     * @throws DuplicateEnvironmentNameException when another environment has the same name
     * @throws StaleRevisionException when {@code edit} was made from an older revision than the stored one
     */
    Environment save(Environment environment, Edit edit);

    /** Newest first. @throws EnvironmentNotFoundException when there is no such environment */
    List<Revision> revisions(long id);

    /** @throws EnvironmentNotFoundException when there is no such environment or revision */
    Revision revision(long id, int number);

    /** The environment as it was stored at a revision. @throws EnvironmentNotFoundException as {@link #revision} */
    Environment environmentAt(long id, int number);

    void delete(long id);

    /**
     * Pins a node's host key, {@code SHA256:…} as {@code ssh-keygen -l -E sha256} prints it, as a revision by
     * {@code user}. Not audited here: the caller records it (the returned pin says whether anything changed and what
     * was replaced).
     *
     * @param replace whether an other key already pinned may be replaced
     * @throws HostKeyAlreadyPinnedException when another key is pinned and {@code replace} is false
     * @throws InvalidEnvironmentException when the fingerprint is not in the SHA256:… form
     */
    HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace, String user);

    /** Records what a facts job read of a node, as a revision by that job. */
    Environment recordFacts(long environmentId, String nodeName, NodeFacts facts, Edit edit);
}
