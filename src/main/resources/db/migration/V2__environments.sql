-- One row per Reemo Infra platform the console manages. The model is a JSON document (Jackson) in which every
-- secret value (license, passwords, HMAC secret, private keys, CA key) is already encrypted: v1:<keyId>:<base64>.
CREATE TABLE environment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE,
    document CLOB NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
