package io.reemo.console.deploy;

import io.reemo.console.deploy.desired.InternalPki;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the console did to an environment beyond its configuration: database initialisation, maintenance, versions. */
@Repository
public class DeploymentRecords {

    private final JdbcClient db;

    DeploymentRecords(JdbcClient db) {
        this.db = db;
    }

    public record VersionChange(long id, long jobId, String variable, String versionBefore, String versionAfter, OffsetDateTime at) {
    }

    /** One certificate of the internal PKI ({@code ca} for the authority, else the service it was issued to). */
    public record InternalCertificate(String name, OffsetDateTime notAfter) {
    }

    public Optional<OffsetDateTime> databaseInitializedAt(long environmentId) {
        return db.sql("SELECT db_initialized_at FROM deployment_state WHERE environment_id = ? AND db_initialized_at IS NOT NULL")
                .param(environmentId).query(OffsetDateTime.class).optional();
    }

    public void markDatabaseInitialized(long environmentId, long jobId) {
        ensureRow(environmentId);
        db.sql("UPDATE deployment_state SET db_initialized_at = ?, db_initialized_by_job = ? WHERE environment_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), jobId, environmentId).update();
    }

    /** Records that the database was found running with the platform the console adopted, by job {@code jobId}. */
    public void markDatabaseAdopted(long environmentId, long jobId) {
        ensureRow(environmentId);
        db.sql("UPDATE deployment_state SET db_initialized_at = COALESCE(db_initialized_at, ?),"
                        + " db_initialized_by_job = COALESCE(db_initialized_by_job, ?), db_adopted = TRUE WHERE environment_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), jobId, environmentId).update();
    }

    public boolean databaseAdopted(long environmentId) {
        return db.sql("SELECT db_adopted FROM deployment_state WHERE environment_id = ?")
                .param(environmentId).query(Boolean.class).optional().orElse(false);
    }

    public boolean maintenance(long environmentId) {
        return db.sql("SELECT maintenance FROM deployment_state WHERE environment_id = ?")
                .param(environmentId).query(Boolean.class).optional().orElse(false);
    }

    public void setMaintenance(long environmentId, boolean on) {
        ensureRow(environmentId);
        db.sql("UPDATE deployment_state SET maintenance = ? WHERE environment_id = ?").params(on, environmentId).update();
    }

    public void recordVersionChange(long environmentId, long jobId, String variable, String before, String after) {
        db.sql("INSERT INTO version_change (environment_id, job_id, variable, version_before, version_after, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(environmentId, jobId, variable, before, after, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
    }

    public List<VersionChange> versionChanges(long environmentId) {
        return db.sql("SELECT id, job_id, variable, version_before, version_after, at FROM version_change WHERE environment_id = ? ORDER BY id DESC")
                .param(environmentId).query(VersionChange.class).list();
    }

    /** The internal PKI's certificates with their expiry, without any key (see InternalPki). */
    public List<InternalCertificate> internalCertificates(long environmentId) {
        return db.sql("SELECT name, not_after FROM pki_material WHERE environment_id = ? ORDER BY name")
                .param(environmentId).query(InternalCertificate.class).list();
    }

    private void ensureRow(long environmentId) {
        db.sql("MERGE INTO deployment_state (environment_id) KEY (environment_id) VALUES (?)").param(environmentId).update();
    }
}
