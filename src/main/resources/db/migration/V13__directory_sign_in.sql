-- LDAP / Active Directory sign-in: one directory, its bind account's password sealed by the SecretBox.
CREATE TABLE directory_settings (
    id INT NOT NULL PRIMARY KEY CHECK (id = 1),
    enabled BOOLEAN NOT NULL,
    url VARCHAR(500) NOT NULL,
    base_dn VARCHAR(500) NOT NULL,
    user_search_base VARCHAR(500) NOT NULL,
    user_search_filter VARCHAR(500) NOT NULL,
    bind_dn VARCHAR(500) NOT NULL,
    bind_password VARCHAR(2000) NOT NULL,
    group_search_base VARCHAR(500) NOT NULL,
    group_search_filter VARCHAR(500) NOT NULL,
    admin_group VARCHAR(500) NOT NULL,
    operator_group VARCHAR(500) NOT NULL,
    viewer_group VARCHAR(500) NOT NULL
);
-- Where a user's password is checked: 'local' (its hash here) or 'directory' (a bind to the directory; the row
-- records the role its groups gave at the last sign-in, and whether an administrator disabled it here).
ALTER TABLE users ADD COLUMN source VARCHAR(16) DEFAULT 'local' NOT NULL;
