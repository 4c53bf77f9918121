-- When a merge leaves two claims saying the same thing about the same record, they become one:
-- the older claim keeps its id and takes the other's spans, attributions and status steps; the
-- other's id is kept here so it still resolves.
CREATE TABLE claim_combined (
  claim_id    TEXT PRIMARY KEY,          -- the claim that was folded in (its row is gone)
  into_id     TEXT NOT NULL REFERENCES claim (id),
  combined_by TEXT NOT NULL,
  combined_at TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX claim_combined_into ON claim_combined (into_id);

-- A status step taken on a claim that was later folded into another: the claim it was taken on.
ALTER TABLE claim_status_history ADD COLUMN taken_on TEXT;
