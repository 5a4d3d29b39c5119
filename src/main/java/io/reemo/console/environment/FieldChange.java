package io.reemo.console.environment;

/**
 * One field of an environment that a revision changed.
 *
 * @param field  a JSON Pointer into the environment with clusters keyed by group and nodes by name, e.g.
 *               {@code /clusters/infra_manager/nodes/node1/address} or {@code /vars/DOCKER_VERSION_API}
 * @param before the value before, {@code null} when the field was not set; {@link #SECRET} for a secret
 * @param after  the value after, {@code null} when the field was removed; {@link #SECRET_CHANGED} for a secret
 */
public record FieldChange(String field, String before, String after) {

    public static final String SECRET = "(secret)";
    public static final String SECRET_CHANGED = "(secret, changed)";

    /** The field as a person reads it: {@code clusters › infra_manager › vars › X}. */
    public String label() {
        return EnvironmentTree.label(field);
    }
}
