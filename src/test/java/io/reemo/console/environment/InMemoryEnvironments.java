package io.reemo.console.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** Environments kept in memory, for tests that need no database or encryption (the real store is JdbcEnvironments). */
public class InMemoryEnvironments implements Environments {

    private final Map<Long, Environment> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

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
    public HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace) {
        String before = get(environmentId).node(nodeName).map(Node::hostKeySha256).orElse(null);
        return new HostKeyPin(update(environmentId, nodeName, node -> node.withHostKey(sha256)), !sha256.equals(before), before);
    }

    @Override
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts) {
        return update(environmentId, nodeName, node -> node.withFacts(facts));
    }

    /** A validator over this store, as the application builds it. */
    public EnvironmentValidator validator() {
        return new EnvironmentValidator(new VariableCatalogue(), this, tools.jackson.databind.json.JsonMapper.shared());
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
