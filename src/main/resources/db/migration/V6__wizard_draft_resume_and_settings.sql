-- A draft remembers the last page the operator saved, so "Resume" goes back there. A draft made by an installed
-- environment's Settings tab edits that environment (its document keeps the environment's id) and is applied
-- to it, never installed as a new one; one such draft per environment.
ALTER TABLE wizard_draft ADD COLUMN last_page VARCHAR(20);
ALTER TABLE wizard_draft ADD COLUMN edits_environment BIGINT;
CREATE UNIQUE INDEX wizard_draft_edits_environment ON wizard_draft (edits_environment);
