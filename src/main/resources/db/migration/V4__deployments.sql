-- What the console did to each environment that is not configuration: the once-only database
-- initialisation, the maintenance switch, the internal PKI it keeps, and the history of version changes.
CREATE TABLE deployment_state (
    environment_id BIGINT PRIMARY KEY REFERENCES environment (id) ON DELETE CASCADE,
    db_initialized_at TIMESTAMP WITH TIME ZONE,
    db_initialized_by_job BIGINT,
    maintenance BOOLEAN NOT NULL DEFAULT FALSE
);

-- The internal PKI: 'ca' and one row per service. Private keys are SecretBox ciphertexts.
CREATE TABLE pki_material (
    environment_id BIGINT NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    certificate_pem CLOB NOT NULL,
    private_key_enc CLOB NOT NULL,
    not_after TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment_id, name)
);

CREATE TABLE version_change (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    environment_id BIGINT NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    job_id BIGINT NOT NULL,
    variable VARCHAR(100) NOT NULL,
    version_before VARCHAR(200),
    version_after VARCHAR(200) NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_version_change_env ON version_change (environment_id, id);
