package io.reemo.console.environment;

import java.util.List;

/** The stored environments: the module's public face for every other module. */
public interface Environments {

    /** @throws EnvironmentNotFoundException when there is none with this id */
    Environment get(long id);

    List<Environment> list();

    /** Inserts (id {@code null}) or replaces; returns the stored environment with its id. */
    Environment save(Environment environment);

    void delete(long id);

    /** Pins a node's host key; re-pinning is an explicit, audited call. */
    Environment pinHostKey(long environmentId, String nodeName, String sha256);

    Environment recordFacts(long environmentId, String nodeName, NodeFacts facts);
}
