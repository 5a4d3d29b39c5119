package io.reemo.console.environment.store;

import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentSecrets;
import io.reemo.console.environment.EnvironmentDeleted;
import io.reemo.console.environment.EnvironmentDiffs;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.HostKeyAlreadyPinnedException;
import io.reemo.console.environment.HostKeyPin;
import io.reemo.console.environment.InvalidEnvironmentException;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.FieldChange;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Revision;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.StaleRevisionException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Environments as JSON documents in the {@code environment} table, secrets sealed by {@link EnvironmentSecrets}; each
 * save that changes something is a row of {@code environment_revision} in the same transaction.
 */
@Repository
class JdbcEnvironments implements Environments {

    private final JdbcClient db;
    private final JsonMapper json;
    private final EnvironmentSecrets secrets;
    private final EnvironmentDiffs diffs;
    private final ApplicationEventPublisher events;

    JdbcEnvironments(JdbcClient db, JsonMapper json, EnvironmentSecrets secrets, EnvironmentDiffs diffs,
                     ApplicationEventPublisher events) {
        this.db = db;
        this.json = json;
        this.secrets = secrets;
        this.diffs = diffs;
        this.events = events;
    }

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private record Row(long id, String document, int revision) {
    }

    private record RevisionRow(int number, OffsetDateTime at, String username, String cause, Long jobId, String changes) {
    }

    @Override
    public Environment get(long id) {
        return current(id).environment();
    }

    @Override
    public CurrentEnvironment current(long id) {
        return db.sql("SELECT id, document, revision FROM environment WHERE id = ?").param(id).query(Row.class).optional()
                .map(row -> new CurrentEnvironment(read(row), row.revision()))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Environment> list() {
        return db.sql("SELECT id, document, revision FROM environment ORDER BY id").query(Row.class).list().stream()
                .map(this::read).toList();
    }

    @Override
    @Transactional
    public Environment save(Environment environment, Edit edit) {
        try {
            return environment.id() == null ? insert(environment, edit) : update(environment, edit);
        } catch (DuplicateKeyException e) {
            throw new DuplicateEnvironmentNameException(environment.name());
        }
    }

    private Environment insert(Environment environment, Edit edit) {
        String document = write(environment);
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO environment (name, document, created_at, updated_at, revision) VALUES (?, ?, ?, ?, 1)")
                .params(environment.name(), document, now, now).update(keys, "id");
        Environment stored = environment.withId(keys.getKey().longValue());
        addRevision(stored.id(), 1, edit, diffs.between(null, environment), document, now);
        return stored;
    }

    private Environment update(Environment environment, Edit edit) {
        Row row = lockedRow(environment.id());
        if (edit.baseRevision() != null && edit.baseRevision() != row.revision()) {
            throw new StaleRevisionException(edit.baseRevision(), row.revision(), since(row.id(), edit.baseRevision()));
        }
        List<FieldChange> changes = diffs.between(read(row), environment);
        if (changes.isEmpty()) {
            return environment;
        }
        String document = write(environment);
        OffsetDateTime now = OffsetDateTime.now();
        int next = row.revision() + 1;
        db.sql("UPDATE environment SET name = ?, document = ?, updated_at = ?, revision = ? WHERE id = ?")
                .params(environment.name(), document, now, next, environment.id()).update();
        addRevision(environment.id(), next, edit, changes, document, now);
        return environment;
    }

    private void addRevision(long id, int number, Edit edit, List<FieldChange> changes, String document, OffsetDateTime at) {
        db.sql("INSERT INTO environment_revision (environment_id, number, at, username, cause, job_id, changes, document)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, number, at, edit.user(), edit.cause().name(), edit.jobId(), json.writeValueAsString(changes), document)
                .update();
    }

    @Override
    public List<Revision> revisions(long id) {
        List<Revision> revisions = db.sql("SELECT number, at, username, cause, job_id, changes FROM environment_revision"
                        + " WHERE environment_id = ? ORDER BY number DESC")
                .param(id).query(RevisionRow.class).list().stream().map(this::revision).toList();
        if (revisions.isEmpty()) {
            throw notFound(id); // every stored environment has at least its first revision
        }
        return revisions;
    }

    @Override
    public Revision revision(long id, int number) {
        return db.sql("SELECT number, at, username, cause, job_id, changes FROM environment_revision"
                        + " WHERE environment_id = ? AND number = ?")
                .params(id, number).query(RevisionRow.class).optional().map(this::revision)
                .orElseThrow(() -> noRevision(id, number));
    }

    @Override
    public Environment environmentAt(long id, int number) {
        return db.sql("SELECT environment_id AS id, document, number AS revision FROM environment_revision"
                        + " WHERE environment_id = ? AND number = ?")
                .params(id, number).query(Row.class).optional().map(this::read)
                .orElseThrow(() -> noRevision(id, number));
    }

    /** The revisions after {@code base}, oldest first. */
    private List<Revision> since(long id, int base) {
        return db.sql("SELECT number, at, username, cause, job_id, changes FROM environment_revision"
                        + " WHERE environment_id = ? AND number > ? ORDER BY number")
                .params(id, base).query(RevisionRow.class).list().stream().map(this::revision).toList();
    }

    private Revision revision(RevisionRow row) {
        return new Revision(row.number(), row.at().toInstant(), row.username(), RevisionCause.valueOf(row.cause()),
                row.jobId(), json.readValue(row.changes(), CHANGES));
    }

    @Override
    public void delete(long id) {
        if (db.sql("DELETE FROM environment WHERE id = ?").param(id).update() == 0) {
            throw notFound(id);
        }
        events.publishEvent(new EnvironmentDeleted(id));
    }

    @Override
    @Transactional
    public HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace, String user) {
        if (!Node.isHostKeyPin(sha256)) {
            throw new InvalidEnvironmentException(List.of(Problem.error("HOST_KEY", "The host key must read SHA256:<43 "
                    + "base64 characters>, as ssh-keygen -l -E sha256 prints it.").host(nodeName)));
        }
        Environment environment = lockedGet(environmentId);
        Node node = environment.node(nodeName).orElseThrow(() -> noNode(environment, nodeName));
        String pinned = node.hostKeySha256();
        if (sha256.equals(pinned)) {
            return new HostKeyPin(environment, false, null);
        }
        if (pinned != null && !replace) {
            throw new HostKeyAlreadyPinnedException(nodeName, pinned);
        }
        Environment pinnedNow = update(withNode(environment, nodeName, n -> n.withHostKey(sha256)), Edit.of(RevisionCause.HOST_KEY, user));
        return new HostKeyPin(pinnedNow, true, pinned);
    }

    @Override
    @Transactional
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts, Edit edit) {
        Environment environment = lockedGet(environmentId);
        environment.node(nodeName).orElseThrow(() -> noNode(environment, nodeName));
        return update(withNode(environment, nodeName, n -> n.withFacts(facts)), edit);
    }

    private Environment lockedGet(long id) {
        return read(lockedRow(id));
    }

    /** Read for a change: other writers of the same row wait until this transaction ends. */
    private Row lockedRow(long id) {
        return db.sql("SELECT id, document, revision FROM environment WHERE id = ? FOR UPDATE").param(id).query(Row.class)
                .optional().orElseThrow(() -> notFound(id));
    }

    private static Environment withNode(Environment environment, String nodeName, UnaryOperator<Node> change) {
        return environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().map(n -> n.name().equals(nodeName) ? change.apply(n) : n).toList()))
                .toList());
    }

    private String write(Environment environment) {
        return json.writeValueAsString(secrets.seal(environment.withId(null)));
    }

    /** A value stored before its variable counted as a secret is still plain: it is encrypted at the next save. */
    private Environment read(Row row) {
        Environment stored = json.readValue(row.document(), Environment.class);
        return secrets.open(stored).withId(row.id());
    }

    private static EnvironmentNotFoundException notFound(long id) {
        return new EnvironmentNotFoundException("There is no environment with id " + id + ".");
    }

    private static EnvironmentNotFoundException noRevision(long id, int number) {
        return new EnvironmentNotFoundException("Environment " + id + " has no revision " + number + ".");
    }

    private static EnvironmentNotFoundException noNode(Environment environment, String nodeName) {
        return new EnvironmentNotFoundException("Environment " + environment.name() + " has no node named " + nodeName + ".");
    }
}
