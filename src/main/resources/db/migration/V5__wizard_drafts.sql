-- The setup wizard's work in progress: an environment that may still be incomplete or wrong, so it is kept apart
-- from the environment table (which only holds valid ones). The document is the environment as JSON with every
-- secret value encrypted, as in the environment table.
CREATE TABLE wizard_draft (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    document CLOB NOT NULL,
    install_docker BOOLEAN NOT NULL DEFAULT FALSE,
    import_problems CLOB,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
