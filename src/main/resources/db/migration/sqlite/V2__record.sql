-- Records (stations, organisations, places, persons, incidents, responses) and the claims that
-- make them up. A record is the sum of its claims; the entity row holds only what matching and
-- listing need. Every mutable row carries a version for optimistic locking.
CREATE TABLE entity (
  id          TEXT PRIMARY KEY,          -- <type>:<short random id>, e.g. station:k3f9q2xa
  type        TEXT NOT NULL,             -- a record type of the schema
  label       TEXT NOT NULL,             -- display name, e.g. "Rotterdam (Fuzhou PSB)"
  match_key   TEXT,                      -- gazetteer id or folded name|country, to reuse records
  status      TEXT NOT NULL,             -- claim_status vocabulary
  version     INTEGER NOT NULL DEFAULT 1,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX entity_type_key ON entity (type, match_key);

-- A merged duplicate keeps its row (and its history); this points at the record that survived.
CREATE TABLE merged_into (
  entity_id   TEXT PRIMARY KEY REFERENCES entity (id),
  survivor_id TEXT NOT NULL REFERENCES entity (id),
  merged_by   TEXT NOT NULL,
  merged_at   TEXT NOT NULL,
  reason      TEXT NOT NULL
);

-- One statement a source makes. Either object_id (another record) or value (JSON: text, code,
-- date, quantity) is set. subject_id is NULL for a free claim about a source's story.
CREATE TABLE claim (
  id          TEXT PRIMARY KEY,          -- claim:<short random id>
  subject_id  TEXT REFERENCES entity (id),
  predicate   TEXT NOT NULL,
  object_id   TEXT REFERENCES entity (id),
  value       TEXT,
  status      TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((object_id IS NULL) <> (value IS NULL))
);
CREATE INDEX claim_subject ON claim (subject_id, predicate);
CREATE INDEX claim_object ON claim (object_id);

-- The words of a source that state the claim ("who says so, in which words").
CREATE TABLE claim_span (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id    TEXT NOT NULL REFERENCES claim (id),
  source_id   TEXT NOT NULL,             -- not a foreign key: tests and imports may cite sources
  start       INTEGER NOT NULL,          -- [start, end) into the source's clean text
  end         INTEGER NOT NULL,
  quote       TEXT NOT NULL,
  proposal_id TEXT,                      -- the proposal the span came from, if any
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL
);
CREATE INDEX claim_span_claim ON claim_span (claim_id);
CREATE INDEX claim_span_source ON claim_span (source_id);

-- Who the span says said it: position 0 is the origin, each relaying party after it. Kept per
-- span because two documents citing one claim may relay it through different chains.
CREATE TABLE claim_attribution (
  claim_id    TEXT NOT NULL REFERENCES claim (id),
  span_id     INTEGER NOT NULL REFERENCES claim_span (id),
  position    INTEGER NOT NULL,
  party       TEXT NOT NULL,
  PRIMARY KEY (span_id, position)
);
CREATE INDEX claim_attribution_claim ON claim_attribution (claim_id);

CREATE TABLE claim_status_history (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id    TEXT NOT NULL REFERENCES claim (id),
  from_status TEXT,                      -- NULL when the claim was created
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX claim_status_history_claim ON claim_status_history (claim_id);

-- What each version of an entity, claim or proposal changed, so a reviewer holding a stale
-- version is told what changed, from what to what, and by whom (the audit log says the same
-- with a hash chain; this table is for the conflict message and lives beside the rows).
CREATE TABLE record_change (
  subject_id  TEXT NOT NULL,
  version     INTEGER NOT NULL,          -- the version this change produced
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (subject_id, version, field)
);

-- What extraction proposed from one span of a source, and what a reviewer decided.
CREATE TABLE proposal (
  id          TEXT PRIMARY KEY,          -- proposal:<short random id>
  source_id   TEXT NOT NULL,
  kind        TEXT NOT NULL,             -- ProposalKind code
  fields      TEXT NOT NULL,             -- JSON object name -> [values], as decided
  extracted   TEXT NOT NULL,             -- JSON object as extracted, kept when a reviewer edits
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  quote       TEXT NOT NULL,
  confidence  REAL NOT NULL,
  status      TEXT NOT NULL,             -- open | accepted | rejected | edited (accepted after edit)
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  decided_by  TEXT,
  decided_at  TEXT,
  reason      TEXT,
  result_ids  TEXT NOT NULL DEFAULT '[]' -- JSON array of the entity and claim ids it produced
);
CREATE INDEX proposal_source ON proposal (source_id, status);
CREATE INDEX proposal_status ON proposal (status, kind);
