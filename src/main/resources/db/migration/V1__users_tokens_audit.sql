-- Spring Security's JdbcUserDetailsManager schema (users + authorities).
CREATE TABLE users (
    username VARCHAR(64) NOT NULL PRIMARY KEY,
    password VARCHAR(500) NOT NULL,
    enabled BOOLEAN NOT NULL
);
CREATE TABLE authorities (
    username VARCHAR(64) NOT NULL,
    authority VARCHAR(64) NOT NULL,
    CONSTRAINT fk_authorities_users FOREIGN KEY (username) REFERENCES users (username) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_auth_username ON authorities (username, authority);

-- Bearer tokens for scripts: only the SHA-256 of the token is stored.
CREATE TABLE api_token (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    username VARCHAR(64) NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    token_sha256 CHAR(64) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);

-- Who did what: host-key pins, ad-hoc commands, installs, updates, maintenance.
CREATE TABLE audit_event (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    username VARCHAR(64) NOT NULL,
    action VARCHAR(64) NOT NULL,
    target VARCHAR(255) NOT NULL,
    detail VARCHAR(2000)
);
CREATE INDEX ix_audit_at ON audit_event (at);
