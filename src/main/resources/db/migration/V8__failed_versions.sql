-- A version that failed on a service of an environment (Swarm rolled it back, or its tasks would not run): the
-- console asks the operator before it tries it again. One row per version of a version variable, the latest
-- failure; a later run that converges at that version forgets it.
CREATE TABLE failed_version (
    environment_id BIGINT NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    variable VARCHAR(100) NOT NULL,
    version VARCHAR(200) NOT NULL,
    subject VARCHAR(100) NOT NULL,
    job_id BIGINT NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rolled_back BOOLEAN NOT NULL,
    running_version VARCHAR(200),
    PRIMARY KEY (environment_id, variable, version)
);

-- Why, per service and node: Swarm's error, the exit code and the last lines the task wrote (masked), with where
-- those lines came from or why there are none.
CREATE TABLE failed_version_task (
    environment_id BIGINT NOT NULL,
    variable VARCHAR(100) NOT NULL,
    version VARCHAR(200) NOT NULL,
    position INT NOT NULL,
    service VARCHAR(100) NOT NULL,
    node VARCHAR(255) NOT NULL,
    exit_code INT,
    error VARCHAR(2000) NOT NULL,
    output CLOB NOT NULL,
    output_note VARCHAR(2000),
    PRIMARY KEY (environment_id, variable, version, position),
    FOREIGN KEY (environment_id, variable, version) REFERENCES failed_version (environment_id, variable, version) ON DELETE CASCADE
);
