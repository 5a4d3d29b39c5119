package io.reemo.console.deploy;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** Environments kept in memory, for tests of the job engine (the real persistence is the environment module's). */
public class InMemoryEnvironments implements Environments {

    private final Map<Long, Environment> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    @Override
    public Environment get(long id) {
        Environment environment = byId.get(id);
        if (environment == null) {
            throw new EnvironmentNotFoundException("There is no environment " + id + ".");
        }
        return environment;
    }

    @Override
    public List<Environment> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public Environment save(Environment environment) {
        Environment stored = environment.id() == null ? environment.withId(ids.incrementAndGet()) : environment;
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public void delete(long id) {
        byId.remove(id);
    }

    @Override
    public Environment pinHostKey(long environmentId, String nodeName, String sha256) {
        return update(environmentId, nodeName, node -> node.withHostKey(sha256));
    }

    @Override
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts) {
        return update(environmentId, nodeName, node -> node.withFacts(facts));
    }

    private synchronized Environment update(long environmentId, String nodeName, UnaryOperator<Node> change) {
        Environment environment = get(environmentId);
        environment.node(nodeName).orElseThrow(() -> new EnvironmentNotFoundException("There is no node " + nodeName + "."));
        Environment updated = environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().map(n -> n.name().equals(nodeName) ? change.apply(n) : n).toList()))
                .toList());
        byId.put(environmentId, updated);
        return updated;
    }
}
