package io.reemo.console.swarm;

/**
 * One way in which what a Swarm runs differs from what the console recorded, as {@code GET …/drift} and the dashboard
 * show it. Secrets and configs are named (their names carry a hash of the content), never shown.
 *
 * @param cluster  the inventory group whose Swarm it is
 * @param object   what differs: a service, the network, a secret or config by its name, a node by its hostname, or
 *                 the cluster itself when it forms no Swarm
 * @param field    which part of it: a field of the service comparison ({@code image}, {@code replicas}, {@code endpoint
 *                 mode}…), {@code service}, {@code network}, {@code secret}, {@code config}, {@code label <key>} or
 *                 {@code swarm}
 * @param recorded what the recorded configuration asks for; {@code absent} when it asks for nothing there
 * @param running  what runs; {@code absent} when nothing does
 */
public record Difference(String cluster, String object, String field, String recorded, String running) {

    public static final String ABSENT = "absent";
    public static final String PRESENT = "present";
    /** A service the console would run that runs without its labels: installed by other means, not adopted yet. */
    public static final String UNADOPTED = "present, not adopted";

    /** As a sentence for a line of a page: {@code infra_manager · reemo_api replicas: 2 runs, 4 recorded}. */
    @Override
    public String toString() {
        return cluster + " · " + object + " " + field + ": " + running + " runs, " + recorded + " recorded";
    }
}
