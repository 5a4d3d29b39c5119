-- A user whose password the console made up (the first admin's, when CONSOLE_ADMIN_PASSWORD was not set) must choose
-- their own before anything else: that password was printed in the log.
ALTER TABLE users ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
