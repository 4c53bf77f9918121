package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * The rows of sealed testimony and of its custodians. All SQL for them lives here. This store only
 * ever sees ciphertext, nonces, wrapped keys, public keys, passphrase-sealed private keys and the
 * metadata lists may show; sealing belongs to {@code org.vigil.testimony}. Byte arrays are passed
 * through as they are: callers must not change arrays they read back.
 */
public final class TestimonyStore {
  private final Database db;

  public TestimonyStore(Database db) {
    this.db = db;
  }

  /** A sealed blob: random nonce and ciphertext with its tag. */
  public record Part(byte[] nonce, byte[] sealed) {
    public Part {
      Checks.notNull(nonce, "nonce");
      Checks.notNull(sealed, "sealed");
    }
  }

  /** How a custodian's passphrase becomes a key: Argon2id salt, cost and check value. */
  public record Kdf(byte[] salt, int memoryKib, int iterations, int parallelism, byte[] check) {
    public Kdf {
      Checks.notNull(salt, "salt");
      Checks.notNull(check, "check");
    }
  }

  /**
   * One custodian.
   *
   * @param keyId fingerprint of the public key; changes when the key is rotated
   * @param rotatedAt when the key pair was last replaced; null if never
   */
  public record Custodian(
      String name,
      String keyId,
      byte[] publicKey,
      Kdf kdf,
      Part privateKey,
      Stamp created,
      @Nullable Instant rotatedAt) {
    public Custodian {
      Checks.notBlank(name, "name");
      Checks.notBlank(keyId, "keyId");
      Checks.notNull(publicKey, "publicKey");
      Checks.notNull(kdf, "kdf");
      Checks.notNull(privateKey, "privateKey");
      Checks.notNull(created, "created");
    }
  }

  /** What may be shown about a testimony without unsealing it. */
  public record Listed(
      String id, int version, Stamp created, int attachments, List<String> incidents) {
    public Listed {
      Checks.notBlank(id, "id");
      Checks.positive(version, "version");
      Checks.notNull(created, "created");
      Checks.notNegative(attachments, "attachments");
      incidents = List.copyOf(incidents);
    }
  }

  /** A testimony's data key wrapped for one custodian. */
  public record WrappedKey(
      String testimonyId, String custodian, byte[] ephemeralPublic, Part wrapped) {
    public WrappedKey {
      Checks.notBlank(testimonyId, "testimonyId");
      Checks.notBlank(custodian, "custodian");
      Checks.notNull(ephemeralPublic, "ephemeralPublic");
      Checks.notNull(wrapped, "wrapped");
    }
  }

  // ---- custodians

  public List<Custodian> custodians() {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + CUSTODIAN_COLUMNS + " FROM custodian ORDER BY name")) {
            List<Custodian> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(custodian(rs));
              }
            }
            return out;
          }
        });
  }

  public Optional<Custodian> findCustodian(String name) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + CUSTODIAN_COLUMNS + " FROM custodian WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(custodian(rs)) : Optional.empty();
            }
          }
        });
  }

  public void insertCustodian(Custodian k) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO custodian ("
                      + CUSTODIAN_COLUMNS
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, k.name());
            ps.setString(2, k.keyId());
            ps.setBytes(3, k.publicKey());
            ps.setBytes(4, k.kdf().salt());
            ps.setInt(5, k.kdf().memoryKib());
            ps.setInt(6, k.kdf().iterations());
            ps.setInt(7, k.kdf().parallelism());
            ps.setBytes(8, k.kdf().check());
            ps.setBytes(9, k.privateKey().nonce());
            ps.setBytes(10, k.privateKey().sealed());
            ps.setString(11, k.created().at().toString());
            ps.setString(12, k.created().actor());
            ps.setString(13, k.rotatedAt() == null ? null : k.rotatedAt().toString());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Replaces a custodian's key pair (after rotation); name and creation stay. */
  public void replaceKey(Custodian k) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE custodian SET key_id = ?, public_key = ?, kdf_salt = ?,"
                      + " kdf_memory_kib = ?, kdf_iterations = ?, kdf_parallelism = ?,"
                      + " kdf_check = ?, key_nonce = ?, key_sealed = ?, rotated_at = ?"
                      + " WHERE name = ?")) {
            ps.setString(1, k.keyId());
            ps.setBytes(2, k.publicKey());
            ps.setBytes(3, k.kdf().salt());
            ps.setInt(4, k.kdf().memoryKib());
            ps.setInt(5, k.kdf().iterations());
            ps.setInt(6, k.kdf().parallelism());
            ps.setBytes(7, k.kdf().check());
            ps.setBytes(8, k.privateKey().nonce());
            ps.setBytes(9, k.privateKey().sealed());
            ps.setString(10, k.rotatedAt() == null ? null : k.rotatedAt().toString());
            ps.setString(11, k.name());
            if (ps.executeUpdate() != 1) {
              throw new SQLException("no custodian " + k.name());
            }
          }
          return null;
        });
  }

  /** Deletes a custodian and every data key wrapped for it. */
  public void deleteCustodian(String name) {
    db.with(
        c -> {
          try (PreparedStatement keys =
                  c.prepareStatement("DELETE FROM testimony_key WHERE custodian = ?");
              PreparedStatement row = c.prepareStatement("DELETE FROM custodian WHERE name = ?")) {
            keys.setString(1, name);
            keys.executeUpdate();
            row.setString(1, name);
            row.executeUpdate();
          }
          return null;
        });
  }

  // ---- testimony

  /** A fresh random id, {@code testimony:} and 10 characters. */
  public String newTestimonyId() {
    return Ids.next("testimony");
  }

  /** Stores one testimony with its sealed attachments (in order) and its wrapped keys. */
  public void insert(Listed t, Part body, List<Part> attachments, List<WrappedKey> keys) {
    Checks.check(attachments.size() == t.attachments(), "attachments must match the listed count");
    db.inTransaction(
        () ->
            db.with(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO testimony (id, version, created_at, created_by,"
                              + " attachments, body_nonce, body_sealed) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setString(1, t.id());
                    ps.setInt(2, t.version());
                    ps.setString(3, t.created().at().toString());
                    ps.setString(4, t.created().actor());
                    ps.setInt(5, t.attachments());
                    ps.setBytes(6, body.nonce());
                    ps.setBytes(7, body.sealed());
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO testimony_incident (testimony_id, incident_id)"
                              + " VALUES (?,?)")) {
                    for (String incident : t.incidents()) {
                      ps.setString(1, t.id());
                      ps.setString(2, incident);
                      ps.executeUpdate();
                    }
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO testimony_attachment (testimony_id, position, nonce,"
                              + " sealed) VALUES (?,?,?,?)")) {
                    for (int i = 0; i < attachments.size(); i++) {
                      ps.setString(1, t.id());
                      ps.setInt(2, i);
                      ps.setBytes(3, attachments.get(i).nonce());
                      ps.setBytes(4, attachments.get(i).sealed());
                      ps.executeUpdate();
                    }
                  }
                  for (WrappedKey k : keys) {
                    putKey(k);
                  }
                  return null;
                }));
  }

  public Optional<Listed> find(String id) {
    List<Listed> found = listed("WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every testimony, newest first; empty when there is none. */
  public List<Listed> list() {
    return listed("", null);
  }

  public long count() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM testimony");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  public Optional<Part> body(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT body_nonce, body_sealed FROM testimony WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Part(rs.getBytes(1), rs.getBytes(2)))
                  : Optional.empty();
            }
          }
        });
  }

  /** The sealed attachments of one testimony, in the order they were given. */
  public List<Part> attachments(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT nonce, sealed FROM testimony_attachment WHERE testimony_id = ?"
                      + " ORDER BY position")) {
            ps.setString(1, id);
            List<Part> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Part(rs.getBytes(1), rs.getBytes(2)));
              }
            }
            return out;
          }
        });
  }

  // ---- wrapped keys

  public Optional<WrappedKey> key(String testimonyId, String custodian) {
    List<WrappedKey> found =
        keys("WHERE testimony_id = ? AND custodian = ?", testimonyId, custodian);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every key wrapped for {@code custodian}, by testimony id. */
  public List<WrappedKey> keysFor(String custodian) {
    return keys("WHERE custodian = ?", custodian);
  }

  /** Inserts or replaces the key of one testimony for one custodian. */
  public void putKey(WrappedKey k) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO testimony_key (testimony_id, custodian,"
                      + " ephemeral_public, nonce, wrapped) VALUES (?,?,?,?,?)")) {
            ps.setString(1, k.testimonyId());
            ps.setString(2, k.custodian());
            ps.setBytes(3, k.ephemeralPublic());
            ps.setBytes(4, k.wrapped().nonce());
            ps.setBytes(5, k.wrapped().sealed());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Number of keys wrapped for each custodian (custodians with none are absent). */
  public Map<String, Long> keyCounts() {
    return db.with(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT custodian, COUNT(*) FROM testimony_key GROUP BY custodian");
              ResultSet rs = ps.executeQuery()) {
            Map<String, Long> out = new LinkedHashMap<>();
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
          }
        });
  }

  /** Ids of testimony whose data key is wrapped for {@code custodian} and for no one else. */
  public List<String> readableOnlyBy(String custodian) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT k.testimony_id FROM testimony_key k WHERE k.custodian = ? AND NOT"
                      + " EXISTS (SELECT 1 FROM testimony_key o WHERE o.testimony_id ="
                      + " k.testimony_id AND o.custodian <> k.custodian) ORDER BY"
                      + " k.testimony_id")) {
            ps.setString(1, custodian);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  private static final String CUSTODIAN_COLUMNS =
      "name, key_id, public_key, kdf_salt, kdf_memory_kib, kdf_iterations, kdf_parallelism,"
          + " kdf_check, key_nonce, key_sealed, created_at, created_by, rotated_at";

  private static Custodian custodian(ResultSet rs) throws SQLException {
    String rotated = rs.getString(13);
    return new Custodian(
        rs.getString(1),
        rs.getString(2),
        rs.getBytes(3),
        new Kdf(rs.getBytes(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getBytes(8)),
        new Part(rs.getBytes(9), rs.getBytes(10)),
        new Stamp(rs.getString(12), Instant.parse(rs.getString(11))),
        rotated == null ? null : Instant.parse(rotated));
  }

  private List<Listed> listed(String where, @Nullable String param) {
    return db.with(
        c -> {
          Map<String, List<String>> incidents = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT testimony_id, incident_id FROM testimony_incident"
                      + (param == null ? "" : " WHERE testimony_id = ?")
                      + " ORDER BY testimony_id, incident_id")) {
            if (param != null) {
              ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                incidents
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, version, created_at, created_by, attachments FROM testimony "
                      + where
                      + " ORDER BY created_at DESC, id")) {
            if (param != null) {
              ps.setString(1, param);
            }
            List<Listed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String id = rs.getString(1);
                out.add(
                    new Listed(
                        id,
                        rs.getInt(2),
                        new Stamp(rs.getString(4), Instant.parse(rs.getString(3))),
                        rs.getInt(5),
                        incidents.getOrDefault(id, List.of())));
              }
            }
            return out;
          }
        });
  }

  private List<WrappedKey> keys(String where, String... params) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT testimony_id, custodian, ephemeral_public, nonce, wrapped FROM"
                      + " testimony_key "
                      + where
                      + " ORDER BY testimony_id, custodian")) {
            for (int i = 0; i < params.length; i++) {
              ps.setString(i + 1, params[i]);
            }
            List<WrappedKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new WrappedKey(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        new Part(rs.getBytes(4), rs.getBytes(5))));
              }
            }
            return out;
          }
        });
  }
}
