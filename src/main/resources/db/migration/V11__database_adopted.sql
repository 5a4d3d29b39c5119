-- The database of an adopted platform was initialised before the console knew it: it holds the platform's data, so
-- INIT_DB is refused there for ever, with that reason.
ALTER TABLE deployment_state ADD COLUMN db_adopted BOOLEAN DEFAULT FALSE NOT NULL;
