-- An audit record keeps the whole action: an ad-hoc command alone may be 10,000 characters.
ALTER TABLE audit_event ALTER COLUMN detail SET DATA TYPE CHARACTER LARGE OBJECT;
-- The audit page filters by who and what, newest first.
CREATE INDEX ix_audit_username ON audit_event (username);
CREATE INDEX ix_audit_action ON audit_event (action);
