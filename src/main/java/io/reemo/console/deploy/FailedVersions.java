package io.reemo.console.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The versions that failed on an environment's services, each with why: an update to one needs the operator's retry. */
@Repository
public class FailedVersions {

    private static final String COLUMNS = "variable, version, subject, job_id, failed_at, rolled_back, running_version";

    private final JdbcClient db;

    FailedVersions(JdbcClient db) {
        this.db = db;
    }

    /** Replaces what was known of an earlier failure of the same version. */
    @Transactional
    public void record(long environmentId, FailedVersion failure) {
        forget(environmentId, failure.variable(), failure.version());
        db.sql("INSERT INTO failed_version (environment_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(environmentId, failure.variable(), failure.version(), failure.subject(), failure.jobId(), failure.at(),
                        failure.rolledBack(), failure.runningVersion()).update();
        List<TaskFailure> tasks = failure.tasks();
        for (int position = 0; position < tasks.size(); position++) {
            TaskFailure task = tasks.get(position);
            db.sql("INSERT INTO failed_version_task (environment_id, variable, version, position, service, node, exit_code, error,"
                            + " output, output_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(environmentId, failure.variable(), failure.version(), position, task.service(), task.node(),
                            task.exitCode(), task.error(), String.join("\n", task.output()), task.outputNote()).update();
        }
    }

    /** The version ran: it is no longer one that failed. */
    public void forget(long environmentId, String variable, String version) {
        db.sql("DELETE FROM failed_version WHERE environment_id = ? AND variable = ? AND version = ?")
                .params(environmentId, variable, version).update();
    }

    public Optional<FailedVersion> find(long environmentId, String variable, String version) {
        return db.sql("SELECT " + COLUMNS + " FROM failed_version WHERE environment_id = ? AND variable = ? AND version = ?")
                .params(environmentId, variable, version).query((rs, n) -> failure(environmentId, rs)).optional();
    }

    /** Newest first. */
    public List<FailedVersion> of(long environmentId) {
        return db.sql("SELECT " + COLUMNS + " FROM failed_version WHERE environment_id = ? ORDER BY failed_at DESC")
                .param(environmentId).query((rs, n) -> failure(environmentId, rs)).list();
    }

    private FailedVersion failure(long environmentId, ResultSet rs) throws SQLException {
        String variable = rs.getString("variable");
        String version = rs.getString("version");
        return new FailedVersion(variable, version, rs.getString("subject"), rs.getLong("job_id"),
                rs.getObject("failed_at", OffsetDateTime.class), rs.getBoolean("rolled_back"), rs.getString("running_version"),
                tasks(environmentId, variable, version));
    }

    private List<TaskFailure> tasks(long environmentId, String variable, String version) {
        return db.sql("SELECT service, node, exit_code, error, output, output_note FROM failed_version_task"
                        + " WHERE environment_id = ? AND variable = ? AND version = ? ORDER BY position")
                .params(environmentId, variable, version)
                .query((rs, n) -> new TaskFailure(rs.getString("service"), rs.getString("node"), (Integer) rs.getObject("exit_code"),
                        rs.getString("error"), lines(rs.getString("output")), rs.getString("output_note"))).list();
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : text.lines().toList();
    }
}
