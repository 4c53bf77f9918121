-- The audit log: one row per change to records, claims and statuses. Rows are only ever
-- appended; hash is SHA-256 over the row's own fields and previous_hash (see AuditLog), so
-- editing, deleting, inserting or reordering rows outside Vigil is caught by `vigil audit verify`.
-- seq is assigned by AuditLog (last seq + 1), not by AUTOINCREMENT, because it is part of the hash.
CREATE TABLE audit_event (
  seq            INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,   -- ISO instant, exactly the text that was hashed
  actor          TEXT NOT NULL,
  action         TEXT NOT NULL,   -- e.g. proposal.accept, claim.status
  subject        TEXT NOT NULL,   -- e.g. claim:12
  before_json    TEXT,            -- NULL when the subject was created
  after_json     TEXT,            -- NULL when the subject was deleted
  reason         TEXT NOT NULL,   -- may be empty
  previous_hash  TEXT NOT NULL,   -- hash of seq - 1; 64 zeros for seq 1
  hash           TEXT NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject, seq);

-- Defence in depth: Vigil itself never updates or deletes audit rows, and these triggers make a
-- bug or a careless SQL shell fail loudly. Anyone with the file can drop them; the hash chain is
-- what detects that kind of tampering.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
