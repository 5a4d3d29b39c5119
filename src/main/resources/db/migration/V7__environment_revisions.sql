-- Every stored change of an environment is a revision: who, when, why, and what changed (secrets as "changed",
-- never their values). The document column keeps the environment as it was at that revision (secrets encrypted,
-- as in the environment table), so a change made from an older revision can be replayed on the current one.
ALTER TABLE environment ADD COLUMN revision INT NOT NULL DEFAULT 1;

CREATE TABLE environment_revision (
    environment_id BIGINT NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    number INT NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    username VARCHAR(100),
    cause VARCHAR(30) NOT NULL,
    job_id BIGINT,
    changes CLOB NOT NULL,
    document CLOB NOT NULL,
    PRIMARY KEY (environment_id, number)
);

INSERT INTO environment_revision (environment_id, number, at, username, cause, job_id, changes, document)
SELECT id, 1, updated_at, NULL, 'HISTORY_START', NULL, '[]', document FROM environment;

-- A Settings draft remembers the revision it was made from: applying it over a newer one shows what changed since.
ALTER TABLE wizard_draft ADD COLUMN base_revision INT;
