package io.reemo.console.environment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Environments kept in memory, for tests that need no database or encryption (the real store is JdbcEnvironments):
 * revisions are numbered and diffed as there, without their stored documents.
 */
public class InMemoryEnvironments implements Environments {

    private final Map<Long, Environment> byId = new ConcurrentHashMap<>();
    private final Map<Long, List<Revision>> history = new ConcurrentHashMap<>();
    private final Map<Long, List<Environment>> documents = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final EnvironmentDiffs diffs = new EnvironmentDiffs(new VariableCatalogue(), JsonMapper.shared());

    @Override
    public Environment get(long id) {
        Environment environment = byId.get(id);
        if (environment == null) {
            throw new EnvironmentNotFoundException("There is no environment " + id + ".");
        }
        return environment;
    }

    @Override
    public CurrentEnvironment current(long id) {
        return new CurrentEnvironment(get(id), history.get(id).size());
    }

    @Override
    public List<Environment> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized Environment save(Environment environment, Edit edit) {
        Environment stored = environment.id() == null ? environment.withId(ids.incrementAndGet()) : environment;
        List<Revision> revisions = history.computeIfAbsent(stored.id(), id -> new ArrayList<>());
        if (edit.baseRevision() != null && edit.baseRevision() != revisions.size()) {
            throw new StaleRevisionException(edit.baseRevision(), revisions.size(),
                    revisions.subList(edit.baseRevision(), revisions.size()));
        }
        List<FieldChange> changes = diffs.between(byId.get(stored.id()), stored);
        if (!changes.isEmpty() || revisions.isEmpty()) {
            revisions.add(new Revision(revisions.size() + 1, Instant.now(), edit.user(), edit.cause(), edit.jobId(), changes));
            documents.computeIfAbsent(stored.id(), id -> new ArrayList<>()).add(stored);
            byId.put(stored.id(), stored);
        }
        return stored;
    }

    @Override
    public List<Revision> revisions(long id) {
        get(id);
        List<Revision> newestFirst = new ArrayList<>(history.get(id));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Revision revision(long id, int number) {
        List<Revision> revisions = history.getOrDefault(id, List.of());
        if (number < 1 || number > revisions.size()) {
            throw new EnvironmentNotFoundException("Environment " + id + " has no revision " + number + ".");
        }
        return revisions.get(number - 1);
    }

    @Override
    public Environment environmentAt(long id, int number) {
        revision(id, number);
        return documents.get(id).get(number - 1);
    }

    @Override
    public void delete(long id) {
        byId.remove(id);
        history.remove(id);
        documents.remove(id);
    }

    @Override
    public HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace, String user) {
        String before = get(environmentId).node(nodeName).map(Node::hostKeySha256).orElse(null);
        Environment pinned = update(environmentId, nodeName, node -> node.withHostKey(sha256), Edit.of(RevisionCause.HOST_KEY, user));
        return new HostKeyPin(pinned, !sha256.equals(before), before);
    }

    @Override
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts, Edit edit) {
        return update(environmentId, nodeName, node -> node.withFacts(facts), edit);
    }

    /** A validator over this store, as the application builds it. */
    public EnvironmentValidator validator() {
        return new EnvironmentValidator(new VariableCatalogue(), this, JsonMapper.shared(), new LocalFiles(List.of(Path.of("/"))));
    }

    private synchronized Environment update(long environmentId, String nodeName, UnaryOperator<Node> change, Edit edit) {
        Environment environment = get(environmentId);
        environment.node(nodeName).orElseThrow(() -> new EnvironmentNotFoundException("There is no node " + nodeName + "."));
        return save(environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().map(n -> n.name().equals(nodeName) ? change.apply(n) : n).toList()))
                .toList()), edit);
    }
}
