-- Jobs: everything the console does to servers. Parameters hold no secrets (masked before storing).
CREATE TABLE job (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    type VARCHAR(64) NOT NULL,
    environment_id BIGINT NOT NULL,
    started_by VARCHAR(64) NOT NULL,
    parameters VARCHAR(100000) NOT NULL,
    changing BOOLEAN NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    message VARCHAR(4000),
    -- sequence number of the last log line, set when the job ends
    last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX ix_job_environment ON job (environment_id, id);
CREATE INDEX ix_job_status ON job (status);

CREATE TABLE job_step (
    job_id BIGINT NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    idx INT NOT NULL,
    name VARCHAR(100) NOT NULL,
    status VARCHAR(16) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_id, idx)
);

-- One step on one node.
CREATE TABLE job_node (
    job_id BIGINT NOT NULL,
    step_idx INT NOT NULL,
    node VARCHAR(100) NOT NULL,
    status VARCHAR(16) NOT NULL,
    exit_code INT,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    message VARCHAR(4000),
    PRIMARY KEY (job_id, step_idx, node),
    FOREIGN KEY (job_id, step_idx) REFERENCES job_step (job_id, idx) ON DELETE CASCADE
);

-- Append-only log, written in batches; seq counts from 1 per job without gaps.
-- stream: o = stdout, e = stderr, s = the console's own (system) lines. No foreign key: inserts stay cheap.
CREATE TABLE job_log (
    job_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    step VARCHAR(100) NOT NULL,
    node VARCHAR(100) NOT NULL,
    stream CHAR(1) NOT NULL,
    text VARCHAR(16384) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
