package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SecretFields;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.secrets.SecretBox;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drafts in the {@code wizard_draft} table, secrets encrypted as in the environment table. */
@Repository
class WizardDrafts {

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;
    private final SecretBox box;
    private final VariableCatalogue catalogue;

    WizardDrafts(JdbcClient db, JsonMapper json, SecretBox box, VariableCatalogue catalogue) {
        this.db = db;
        this.json = json;
        this.box = box;
        this.catalogue = catalogue;
    }

    private record Row(long id, String document, boolean installDocker, String importProblems, OffsetDateTime updatedAt) {
    }

    Draft create(Environment environment, List<Problem> importProblems) {
        var keys = new GeneratedKeyHolder();
        db.sql("INSERT INTO wizard_draft (document, install_docker, import_problems, updated_at) VALUES (?, FALSE, ?, ?)")
                .params(write(environment), json.writeValueAsString(importProblems), OffsetDateTime.now()).update(keys, "id");
        return get(keys.getKey().longValue()).orElseThrow();
    }

    Optional<Draft> get(long id) {
        return db.sql("SELECT id, document, install_docker, import_problems, updated_at FROM wizard_draft WHERE id = ?")
                .param(id).query(Row.class).optional().map(this::read);
    }

    /** Newest first: the home page offers to continue them. */
    List<Draft> list() {
        return db.sql("SELECT id, document, install_docker, import_problems, updated_at FROM wizard_draft ORDER BY updated_at DESC")
                .query(Row.class).list().stream().map(this::read).toList();
    }

    Draft save(Draft draft) {
        db.sql("UPDATE wizard_draft SET document = ?, install_docker = ?, updated_at = ? WHERE id = ?")
                .params(write(draft.environment()), draft.installDocker(), OffsetDateTime.now(), draft.id()).update();
        return get(draft.id()).orElseThrow();
    }

    void delete(long id) {
        db.sql("DELETE FROM wizard_draft WHERE id = ?").param(id).update();
    }

    private String write(Environment environment) {
        return json.writeValueAsString(SecretFields.map(environment, catalogue, box::encrypt));
    }

    private Draft read(Row row) {
        Environment stored = json.readValue(row.document(), Environment.class);
        Environment plain = SecretFields.map(stored, catalogue, v -> SecretBox.isEncrypted(v) ? box.decrypt(v) : v);
        List<Problem> problems = row.importProblems() == null ? List.of() : json.readValue(row.importProblems(), PROBLEMS);
        return new Draft(row.id(), plain, row.installDocker(), problems, row.updatedAt());
    }
}
