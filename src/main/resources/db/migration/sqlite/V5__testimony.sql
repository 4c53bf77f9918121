-- Sealed testimony. Only ciphertext, nonces, wrapped keys, public keys, passphrase-sealed private
-- keys and non-sensitive metadata live here: the pseudonym, the account, attachment names and
-- bodies and the consent are inside the sealed blobs (see docs/testimony.md).

-- One row per custodian: the X25519 public key and the private key sealed under an Argon2id key
-- from the custodian's passphrase (parameters kept with it).
CREATE TABLE custodian (
  name            TEXT PRIMARY KEY,
  key_id          TEXT NOT NULL,       -- fingerprint of public_key
  public_key      BLOB NOT NULL,       -- X.509 encoding
  kdf_salt        BLOB NOT NULL,
  kdf_memory_kib  INTEGER NOT NULL,
  kdf_iterations  INTEGER NOT NULL,
  kdf_parallelism INTEGER NOT NULL,
  kdf_check       BLOB NOT NULL,       -- tells a wrong passphrase from an altered key
  key_nonce       BLOB NOT NULL,
  key_sealed      BLOB NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  rotated_at      TEXT                 -- NULL until the first rotation
);

-- One row per testimony: the sealed body (pseudonym, account, consent) and what lists may show.
CREATE TABLE testimony (
  id              TEXT PRIMARY KEY,    -- testimony:<short id>
  version         INTEGER NOT NULL,    -- part of the associated data of every sealed part
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  attachments     INTEGER NOT NULL,
  body_nonce      BLOB NOT NULL,
  body_sealed     BLOB NOT NULL
);

-- Incidents the testimony speaks to, by record id. Nothing is written into the incident record.
CREATE TABLE testimony_incident (
  testimony_id    TEXT NOT NULL REFERENCES testimony (id),
  incident_id     TEXT NOT NULL,
  PRIMARY KEY (testimony_id, incident_id)
);

-- Attachments, each sealed with its name under the testimony's data key.
CREATE TABLE testimony_attachment (
  testimony_id    TEXT NOT NULL REFERENCES testimony (id),
  position        INTEGER NOT NULL,
  nonce           BLOB NOT NULL,
  sealed          BLOB NOT NULL,
  PRIMARY KEY (testimony_id, position)
);

-- The testimony's data key wrapped for each custodian (ephemeral X25519 key + sealed data key).
CREATE TABLE testimony_key (
  testimony_id    TEXT NOT NULL REFERENCES testimony (id),
  custodian       TEXT NOT NULL REFERENCES custodian (name),
  ephemeral_public BLOB NOT NULL,
  nonce           BLOB NOT NULL,
  wrapped         BLOB NOT NULL,
  PRIMARY KEY (testimony_id, custodian)
);
CREATE INDEX testimony_key_custodian ON testimony_key (custodian);
