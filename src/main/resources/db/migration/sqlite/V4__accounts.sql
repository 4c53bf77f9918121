-- User accounts, web sessions, API tokens and recent failed sign-ins.
-- Times that are compared (expiry, failures) are epoch milliseconds (INTEGER), so SQL compares
-- them as numbers. Secrets are never stored: passwords as Argon2id PHC strings, session and API
-- tokens as the hex SHA-256 of the token.
CREATE TABLE users (
  id             TEXT PRIMARY KEY,          -- user:xxxxxxxxxx
  name           TEXT NOT NULL UNIQUE,      -- [a-z0-9._-]{2,40}
  role           TEXT NOT NULL,             -- admin, analyst, reviewer, viewer
  password_hash  TEXT NOT NULL,             -- $argon2id$v=19$m=...,t=...,p=...$salt$hash
  disabled       INTEGER NOT NULL DEFAULT 0,
  created        INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash     TEXT PRIMARY KEY,          -- SHA-256 of the session cookie's token
  csrf_token     TEXT NOT NULL,             -- useless without the session token
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created        INTEGER NOT NULL,
  last_seen      INTEGER NOT NULL,
  idle_expires   INTEGER NOT NULL,
  absolute_expires INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id             TEXT PRIMARY KEY,          -- token:xxxxxxxxxx
  token_hash     TEXT NOT NULL UNIQUE,
  user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label          TEXT NOT NULL,
  created        INTEGER NOT NULL,
  last_used      INTEGER,
  revoked        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- One row per failed sign-in, once for the name tried (known or not) and once for the client
-- address; rows older than the lock-out horizon are pruned.
CREATE TABLE login_failures (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  kind           TEXT NOT NULL,             -- name or address
  subject        TEXT NOT NULL,
  at             INTEGER NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (kind, subject, at);
