-- Captured sources. One row per distinct original (by SHA-256); the id is the hash's first
-- 16 hex digits. Text columns hold the extraction; the original bytes live in the archive.
CREATE TABLE source (
  id              TEXT PRIMARY KEY,
  sha256          TEXT NOT NULL UNIQUE,
  media_type      TEXT NOT NULL,
  size            INTEGER NOT NULL,
  title           TEXT,
  author          TEXT,
  publisher       TEXT,
  published       TEXT,            -- ISO date
  canonical_url   TEXT,
  language        TEXT NOT NULL,
  text            TEXT NOT NULL,
  normalized_text TEXT,            -- NULL when equal to text (saves space for non-Chinese)
  text_hash       TEXT NOT NULL,   -- SHA-256 of the folded normalised text: exact duplicates
  warnings        TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  cluster_id      TEXT NOT NULL,
  captured_at     TEXT NOT NULL,   -- ISO instant of the first capture
  indexed         INTEGER NOT NULL DEFAULT 0   -- 1 once the search index has committed it
);
CREATE INDEX source_text_hash ON source (text_hash);
CREATE INDEX source_cluster ON source (cluster_id);
CREATE INDEX source_unindexed ON source (indexed) WHERE indexed = 0;

-- Every time an original was seen: a file path, a URL or a WARC record. Identical bytes from a
-- new origin add a capture row to the existing source.
CREATE TABLE capture (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id      TEXT NOT NULL REFERENCES source (id),
  origin         TEXT NOT NULL,   -- absolute path, URL, or warc path#record id
  origin_kind    TEXT NOT NULL,   -- file | url | warc
  retrieved_at   TEXT NOT NULL,
  media_type     TEXT NOT NULL,
  size           INTEGER NOT NULL,
  http_status    INTEGER,
  http_headers   TEXT,            -- JSON object: lower-case name -> [values]
  final_url      TEXT,
  redirects      TEXT,            -- JSON array of URLs before final_url
  UNIQUE (source_id, origin)
);

-- MinHash signatures (128 x 64-bit, big-endian) and their LSH band keys for near duplicates.
CREATE TABLE signature (
  source_id  TEXT PRIMARY KEY REFERENCES source (id),
  minhash    BLOB NOT NULL
);
CREATE TABLE lsh_band (
  band_key   INTEGER NOT NULL,
  source_id  TEXT NOT NULL REFERENCES source (id),
  PRIMARY KEY (band_key, source_id)
) WITHOUT ROWID;

-- Outcome of each item of each ingest run, failures with their reason.
CREATE TABLE ingest_item (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id       TEXT NOT NULL,
  input        TEXT NOT NULL,
  status       TEXT NOT NULL,     -- captured | unchanged | failed
  source_id    TEXT,
  error_code   TEXT,
  error        TEXT,
  at           TEXT NOT NULL
);
CREATE INDEX ingest_item_run ON ingest_item (run_id);
