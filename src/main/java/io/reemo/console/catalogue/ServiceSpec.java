package io.reemo.console.catalogue;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one Swarm service should be. Everything the plan compares is here; nothing here is read from a server.
 *
 * @param replicas    {@link Component#GLOBAL} for a global service
 * @param constraints Swarm placement constraints, e.g. {@code node.hostname==node1}
 * @param env         plain environment; secret values never go here but in {@link #secrets()}
 * @param runOnce     a task that runs to completion ({@code reemo_db}): no restart, no healthcheck wait
 */
public record ServiceSpec(String name, Component component, String image, int replicas, int maxPerNode,
                          List<String> constraints, SortedMap<String, String> env, List<SecretMount> secrets,
                          List<ConfigMount> configs, List<Mount> mounts, List<Port> ports, List<String> args,
                          Map<String, String> logOptions, boolean runOnce) {

    public ServiceSpec {
        constraints = List.copyOf(constraints);
        env = new TreeMap<>(env);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        mounts = List.copyOf(mounts);
        ports = List.copyOf(ports);
        args = List.copyOf(args);
        logOptions = new TreeMap<>(logOptions);
    }

    public boolean global() {
        return replicas == Component.GLOBAL;
    }

    /** The update tag that selects this service, or {@code null}. */
    public String tag() {
        return component.tag();
    }

    public ServiceSpec withReplicas(int newReplicas) {
        return new ServiceSpec(name, component, image, newReplicas, maxPerNode, constraints, env, secrets, configs,
                mounts, ports, args, logOptions, runOnce);
    }

    /** A Swarm secret mounted as a file; the service reads {@code <VARIABLE>_FILE}. */
    public record SecretMount(String secretName, String fileName) {
    }

    public record ConfigMount(String configName, String path) {
    }

    /** A bind mount of a node directory ({@code /opt/reemo/...}). */
    public record Mount(String source, String target) {
    }

    /** A port published in host mode on every node that runs a task (product-calls.md §19). */
    public record Port(int published, int target) {
    }
}
