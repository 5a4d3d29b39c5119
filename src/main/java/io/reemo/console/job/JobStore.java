package io.reemo.console.job;

import io.reemo.console.secrets.SecretMasker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The job, job_step and job_node tables. */
@Repository
class JobStore {

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final SecretMasker masker;

    JobStore(JdbcClient db, TransactionTemplate tx, JsonMapper json, SecretMasker masker) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.masker = masker;
    }

    /**
     * Stores a new job as queued with every step and node pending, then runs {@code inTransaction} on its id before the
     * transaction commits; returns the id.
     */
    long insert(JobRequest request, String maskedParametersJson, Instant now, LongConsumer inTransaction) {
        return tx.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            db.sql("""
                    INSERT INTO job (type, environment_id, started_by, parameters, changing, status, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(request.type(), request.environmentId(), request.startedBy(), maskedParametersJson, request.changing(),
                            JobStatus.QUEUED.name(), at(now))
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            for (int i = 0; i < request.steps().size(); i++) {
                Step step = request.steps().get(i);
                db.sql("INSERT INTO job_step (job_id, idx, name, status) VALUES (?, ?, ?, ?)")
                        .params(id, i, step.name(), StepStatus.PENDING.name()).update();
                for (String node : step.nodes()) {
                    db.sql("INSERT INTO job_node (job_id, step_idx, node, status) VALUES (?, ?, ?, ?)")
                            .params(id, i, node, StepStatus.PENDING.name()).update();
                }
            }
            inTransaction.accept(id);
            return id;
        });
    }

    void markRunning(long id, Instant now) {
        db.sql("UPDATE job SET status = ?, started_at = ? WHERE id = ?").params(JobStatus.RUNNING.name(), at(now), id).update();
    }

    void markFinished(long id, JobStatus status, Instant now, String message, long lastSeq) {
        db.sql("UPDATE job SET status = ?, finished_at = ?, message = ?, last_seq = ? WHERE id = ?")
                .params(status.name(), at(now), clip(message), lastSeq, id).update();
    }

    void markStep(long id, int index, StepStatus status, Instant now) {
        String time = status == StepStatus.RUNNING ? "started_at" : "finished_at";
        db.sql("UPDATE job_step SET status = ?, " + time + " = ? WHERE job_id = ? AND idx = ?")
                .params(status.name(), at(now), id, index).update();
    }

    /** Marks every step still pending from {@code fromIndex} on, with its nodes. */
    void markRemaining(long id, int fromIndex, StepStatus status) {
        db.sql("UPDATE job_step SET status = ? WHERE job_id = ? AND idx >= ? AND status = 'PENDING'")
                .params(status.name(), id, fromIndex).update();
        db.sql("UPDATE job_node SET status = ? WHERE job_id = ? AND step_idx >= ? AND status = 'PENDING'")
                .params(status.name(), id, fromIndex).update();
    }

    void markNodeStarted(long id, int step, String node, Instant now) {
        db.sql("UPDATE job_node SET status = ?, started_at = ? WHERE job_id = ? AND step_idx = ? AND node = ?")
                .params(StepStatus.RUNNING.name(), at(now), id, step, node).update();
    }

    void markNodeFinished(long id, int step, String node, StepStatus status, Integer exitCode, String message, Instant now) {
        db.sql("UPDATE job_node SET status = ?, exit_code = ?, message = ?, finished_at = ? WHERE job_id = ? AND step_idx = ? AND node = ?")
                .params(status.name(), exitCode, clip(message), at(now), id, step, node).update();
    }

    /**
     * Jobs a stopped console left queued or running become interrupted; returns their ids.
     * Their last_seq is taken from the log, which was stored before anything was shown.
     */
    List<Long> interruptUnfinished(Instant now, String message) {
        return tx.execute(status -> {
            List<Long> ids = db.sql("SELECT id FROM job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id").query(Long.class).list();
            for (long id : ids) {
                db.sql("""
                        UPDATE job SET status = 'INTERRUPTED', finished_at = ?, message = ?,
                               last_seq = COALESCE((SELECT seq FROM job_log WHERE job_id = ? ORDER BY job_id DESC, seq DESC LIMIT 1), 0)
                        WHERE id = ?""").params(at(now), message, id, id).update();
                db.sql("UPDATE job_step SET status = 'INTERRUPTED', finished_at = ? WHERE job_id = ? AND status = 'RUNNING'")
                        .params(at(now), id).update();
                db.sql("UPDATE job_node SET status = 'INTERRUPTED', finished_at = ? WHERE job_id = ? AND status = 'RUNNING'")
                        .params(at(now), id).update();
                markRemaining(id, 0, StepStatus.SKIPPED);
            }
            return ids;
        });
    }

    void setLastSeq(long id, long lastSeq) {
        db.sql("UPDATE job SET last_seq = ? WHERE id = ?").params(lastSeq, id).update();
    }

    long lastSeq(long id) {
        return db.sql("SELECT last_seq FROM job WHERE id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    Optional<Job> find(long id) {
        Optional<Job> job = db.sql("SELECT * FROM job WHERE id = ?").param(id).query(this::job).optional();
        return job.map(j -> withSteps(j, steps(id)));
    }

    List<Job> list(JobQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM job WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.environmentId() != null) {
            sql.append(" AND environment_id = ?");
            params.add(query.environmentId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            params.add(query.status().name());
        }
        if (query.type() != null) {
            sql.append(" AND type = ?");
            params.add(query.type());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(query.limit());
        return db.sql(sql.toString()).params(params).query(this::job).list();
    }

    /** The newest job of the environment in which a step of this name ran to its end, succeeded or failed. */
    Optional<Long> lastWithFinishedStep(long environmentId, String step) {
        return db.sql("""
                SELECT j.id FROM job j JOIN job_step s ON s.job_id = j.id
                WHERE j.environment_id = ? AND s.name = ? AND s.status IN ('SUCCEEDED', 'FAILED')
                ORDER BY j.id DESC LIMIT 1""").params(environmentId, step).query(Long.class).optional();
    }

    private List<Job.StepState> steps(long id) {
        Map<Integer, List<Job.NodeState>> nodes = new LinkedHashMap<>();
        db.sql("SELECT * FROM job_node WHERE job_id = ? ORDER BY step_idx, node").param(id).query((rs, n) -> {
            nodes.computeIfAbsent(rs.getInt("step_idx"), k -> new ArrayList<>()).add(new Job.NodeState(rs.getString("node"),
                    StepStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("exit_code"), instant(rs, "started_at"),
                    instant(rs, "finished_at"), rs.getString("message")));
            return null;
        }).list();
        return db.sql("SELECT * FROM job_step WHERE job_id = ? ORDER BY idx").param(id).query((rs, n) -> new Job.StepState(
                rs.getInt("idx"), rs.getString("name"), StepStatus.valueOf(rs.getString("status")), instant(rs, "started_at"),
                instant(rs, "finished_at"), nodes.getOrDefault(rs.getInt("idx"), List.of()))).list();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("type"), rs.getLong("environment_id"), rs.getString("started_by"),
                json.readValue(rs.getString("parameters"), PARAMETERS), rs.getBoolean("changing"),
                JobStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("message"), rs.getLong("last_seq"), List.of());
    }

    private static Job withSteps(Job j, List<Job.StepState> steps) {
        return new Job(j.id(), j.type(), j.environmentId(), j.startedBy(), j.parameters(), j.changing(), j.status(), j.createdAt(),
                j.startedAt(), j.finishedAt(), j.message(), j.lastSeq(), steps);
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A job's or a node's message says why it failed, in words that may quote what a node answered: masked like the log. */
    private String clip(String message) {
        String masked = masker.mask(message);
        return masked == null || masked.length() <= 4000 ? masked : masked.substring(0, 3997) + "...";
    }
}
