package io.reemo.console.wizard;

import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentSecrets;
import io.reemo.console.environment.Problem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drafts in the {@code wizard_draft} table, secrets encrypted as in the environment table. */
@Repository
class WizardDrafts {

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;
    private final EnvironmentSecrets secrets;

    WizardDrafts(JdbcClient db, JsonMapper json, EnvironmentSecrets secrets) {
        this.db = db;
        this.json = json;
        this.secrets = secrets;
    }

    private static final String COLUMNS = "id, document, install_docker, import_problems, updated_at, last_page, edits_environment,"
            + " base_revision";

    private record Row(long id, String document, boolean installDocker, String importProblems, OffsetDateTime updatedAt,
                       String lastPage, Long editsEnvironment, Integer baseRevision) {
    }

    Draft create(Environment environment, List<Problem> importProblems) {
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO wizard_draft (document, install_docker, import_problems, updated_at) VALUES (?, FALSE, ?, ?)")
                .params(write(environment), json.writeValueAsString(importProblems), OffsetDateTime.now()).update(keys, "id");
        return get(keys.getKey().longValue()).orElseThrow();
    }

    /** A draft of an installed environment's settings made from its current revision, starting at its first settings page. */
    Draft edit(CurrentEnvironment installed) {
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO wizard_draft (document, install_docker, import_problems, updated_at, last_page, edits_environment,"
                        + " base_revision) VALUES (?, FALSE, NULL, ?, ?, ?, ?)")
                .params(write(installed.environment()), OffsetDateTime.now(), WizardPage.LICENSE_PAGE.slug(),
                        installed.environment().id(), installed.revision())
                .update(keys, "id");
        return get(keys.getKey().longValue()).orElseThrow();
    }

    /** The draft carried over to a newer revision of its environment: {@code merged} holds its changes on top. */
    Draft rebase(Draft draft, Environment merged, int revision) {
        db.sql("UPDATE wizard_draft SET document = ?, base_revision = ?, updated_at = ? WHERE id = ?")
                .params(write(merged), revision, OffsetDateTime.now(), draft.id()).update();
        return get(draft.id()).orElseThrow();
    }

    Optional<Draft> get(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM wizard_draft WHERE id = ?").param(id).query(Row.class).optional().map(this::read);
    }

    /** @throws ResponseStatusException 404 when there is no such draft (it was installed, applied or discarded) */
    Draft require(long id) {
        return get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no setup " + id + " in the wizard."));
    }

    /** The settings draft open for an installed environment, if any. */
    Optional<Draft> editing(long environmentId) {
        return db.sql("SELECT " + COLUMNS + " FROM wizard_draft WHERE edits_environment = ?").param(environmentId)
                .query(Row.class).optional().map(this::read);
    }

    /** New setups, newest first: the home page offers to resume them (settings drafts live in their environment's tab). */
    List<Draft> list() {
        return db.sql("SELECT " + COLUMNS + " FROM wizard_draft WHERE edits_environment IS NULL ORDER BY updated_at DESC")
                .query(Row.class).list().stream().map(this::read).toList();
    }

    /** Every draft, settings drafts included. */
    List<Draft> all() {
        return db.sql("SELECT " + COLUMNS + " FROM wizard_draft").query(Row.class).list().stream().map(this::read).toList();
    }

    Draft save(Draft draft) {
        db.sql("UPDATE wizard_draft SET document = ?, install_docker = ?, updated_at = ? WHERE id = ?")
                .params(write(draft.environment()), draft.installDocker(), OffsetDateTime.now(), draft.id()).update();
        return get(draft.id()).orElseThrow();
    }

    /** Remembers the page shown, for "Resume". */
    void visited(long id, WizardPage page) {
        db.sql("UPDATE wizard_draft SET last_page = ? WHERE id = ?").params(page.slug(), id).update();
    }

    void delete(long id) {
        db.sql("DELETE FROM wizard_draft WHERE id = ?").param(id).update();
    }

    private String write(Environment environment) {
        return json.writeValueAsString(secrets.seal(environment));
    }

    private Draft read(Row row) {
        Environment stored = json.readValue(row.document(), Environment.class);
        Environment plain = secrets.open(stored);
        List<Problem> problems = row.importProblems() == null ? List.of() : json.readValue(row.importProblems(), PROBLEMS);
        return new Draft(row.id(), plain, row.installDocker(), problems, row.updatedAt(),
                row.lastPage() == null ? null : WizardPage.of(row.lastPage()).orElse(null), row.editsEnvironment() != null,
                row.baseRevision());
    }
}
