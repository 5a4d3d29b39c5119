package io.reemo.console.environment.store;

import io.reemo.console.environment.DuplicateEnvironmentNameException;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.HostKeyAlreadyPinnedException;
import io.reemo.console.environment.HostKeyPin;
import io.reemo.console.environment.InvalidEnvironmentException;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.NodeFacts;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SecretFields;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.environment.validation.ValueFormats;
import io.reemo.console.secrets.SecretBox;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Environments as JSON documents in the {@code environment} table, secrets encrypted by the {@link SecretBox}. */
@Repository
class JdbcEnvironments implements Environments {

    private final JdbcClient db;
    private final JsonMapper json;
    private final SecretBox box;
    private final VariableCatalogue catalogue;

    JdbcEnvironments(JdbcClient db, JsonMapper json, SecretBox box, VariableCatalogue catalogue) {
        this.db = db;
        this.json = json;
        this.box = box;
        this.catalogue = catalogue;
    }

    private record Row(long id, String document) {
    }

    @Override
    public Environment get(long id) {
        return db.sql("SELECT id, document FROM environment WHERE id = ?").param(id).query(Row.class).optional()
                .map(this::read)
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Environment> list() {
        return db.sql("SELECT id, document FROM environment ORDER BY id").query(Row.class).list().stream()
                .map(this::read).toList();
    }

    @Override
    @Transactional
    public Environment save(Environment environment) {
        String document = write(environment);
        OffsetDateTime now = OffsetDateTime.now();
        try {
            if (environment.id() == null) {
                var keys = new GeneratedKeyHolder();
                db.sql("INSERT INTO environment (name, document, created_at, updated_at) VALUES (?, ?, ?, ?)")
                        .params(environment.name(), document, now, now).update(keys, "id");
                return environment.withId(keys.getKey().longValue());
            }
            int updated = db.sql("UPDATE environment SET name = ?, document = ?, updated_at = ? WHERE id = ?")
                    .params(environment.name(), document, now, environment.id()).update();
            if (updated == 0) {
                throw notFound(environment.id());
            }
            return environment;
        } catch (DuplicateKeyException e) {
            throw new DuplicateEnvironmentNameException(environment.name());
        }
    }

    @Override
    public void delete(long id) {
        if (db.sql("DELETE FROM environment WHERE id = ?").param(id).update() == 0) {
            throw notFound(id);
        }
    }

    @Override
    @Transactional
    public HostKeyPin pinHostKey(long environmentId, String nodeName, String sha256, boolean replace) {
        if (sha256 == null || !ValueFormats.isSha256Fingerprint(sha256)) {
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
        return new HostKeyPin(save(withNode(environment, nodeName, n -> n.withHostKey(sha256))), true, pinned);
    }

    @Override
    @Transactional
    public Environment recordFacts(long environmentId, String nodeName, NodeFacts facts) {
        Environment environment = lockedGet(environmentId);
        environment.node(nodeName).orElseThrow(() -> noNode(environment, nodeName));
        return save(withNode(environment, nodeName, n -> n.withFacts(facts)));
    }

    /** Read for a change: other writers of the same row wait until this transaction ends. */
    private Environment lockedGet(long id) {
        return db.sql("SELECT id, document FROM environment WHERE id = ? FOR UPDATE").param(id).query(Row.class).optional()
                .map(this::read)
                .orElseThrow(() -> notFound(id));
    }

    private static Environment withNode(Environment environment, String nodeName, UnaryOperator<Node> change) {
        return environment.withClusters(environment.clusters().stream()
                .map(c -> c.withNodes(c.nodes().stream().map(n -> n.name().equals(nodeName) ? change.apply(n) : n).toList()))
                .toList());
    }

    private String write(Environment environment) {
        return json.writeValueAsString(SecretFields.map(environment.withId(null), catalogue, box::encrypt));
    }

    /** A value stored before its variable counted as a secret is still plain: it is encrypted at the next save. */
    private Environment read(Row row) {
        Environment stored = json.readValue(row.document(), Environment.class);
        return SecretFields.map(stored, catalogue, v -> SecretBox.isEncrypted(v) ? box.decrypt(v) : v).withId(row.id());
    }

    private static EnvironmentNotFoundException notFound(long id) {
        return new EnvironmentNotFoundException("There is no environment with id " + id + ".");
    }

    private static EnvironmentNotFoundException noNode(Environment environment, String nodeName) {
        return new EnvironmentNotFoundException("Environment " + environment.name() + " has no node named " + nodeName + ".");
    }
}
