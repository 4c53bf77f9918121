package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;
import org.vigil.schema.ClaimStatus;

/** Records (entities) and merges. All SQL for them lives here. */
public final class RecordStore {
  private static final String COLUMNS =
      "id, type, label, match_key, status, version, created_by, created_at, updated_by,"
          + " updated_at";

  private final Database db;

  public RecordStore(Database db) {
    this.db = db;
  }

  /** Creates a record at version 1 with a new id {@code <type>:<short id>}. */
  public EntityRecord create(
      String type, String label, @Nullable String matchKey, ClaimStatus status, Stamp by) {
    Checks.notBlank(type, "type");
    String id = Ids.next(type);
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO entity (" + COLUMNS + ") VALUES (?,?,?,?,?,1,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, type);
            ps.setString(3, label);
            ps.setString(4, matchKey);
            ps.setString(5, status.code());
            ps.setString(6, by.actor());
            ps.setString(7, by.at().toString());
            ps.setString(8, by.actor());
            ps.setString(9, by.at().toString());
            ps.executeUpdate();
          }
          Versions.record(c, id, 1, by, List.of(new Versions.Field("created", null, label)));
          return new EntityRecord(id, type, label, matchKey, status, 1, by, by);
        });
  }

  public Optional<EntityRecord> find(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM entity WHERE id = ?")) {
            ps.setString(1, id);
            List<EntityRecord> found = read(ps);
            return found.stream().findFirst();
          }
        });
  }

  /**
   * The row as the caller read it: present and still at {@code expectedVersion}.
   *
   * @throws VigilException {@code conflict} naming what changed since, and who changed it; {@code
   *     not_found}
   */
  public EntityRecord requireAt(String id, int expectedVersion) {
    return db.with(
        c -> {
          Versions.check(c, "entity", id, expectedVersion);
          return require(id);
        });
  }

  /**
   * @throws VigilException {@code not_found}
   */
  public EntityRecord require(String id) {
    return find(id).orElseThrow(() -> VigilException.notFound("record " + id));
  }

  /** The live (not merged away) record of {@code type} with this match key, if any. */
  public Optional<EntityRecord> findByKey(String type, String matchKey) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM entity WHERE type = ? AND match_key = ?"
                      + " AND id NOT IN (SELECT entity_id FROM merged_into) ORDER BY created_at, rowid"
                      + " LIMIT 1")) {
            ps.setString(1, type);
            ps.setString(2, matchKey);
            return read(ps).stream().findFirst();
          }
        });
  }

  /** Live records of {@code type}, oldest first. */
  public List<EntityRecord> list(String type) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM entity WHERE type = ?"
                      + " AND id NOT IN (SELECT entity_id FROM merged_into) ORDER BY created_at, rowid")) {
            ps.setString(1, type);
            return read(ps);
          }
        });
  }

  /**
   * A number that grows with every committed change to records (created, relabelled, merged) and
   * never comes back: each writes a row to {@code record_change}, whose rows are never deleted.
   * Claim and proposal changes raise it too. Caches of record lists compare it instead of reading
   * the records again; one indexed look-up.
   */
  public long changeStamp() {
    return db.with(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COALESCE(MAX(rowid), 0) FROM record_change");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Every record, merged ones included. */
  public long count() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM entity");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Changes a record's label.
   *
   * @throws VigilException {@code conflict} when it is no longer at {@code expectedVersion}
   */
  public EntityRecord relabel(String id, int expectedVersion, String label, Stamp by) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  EntityRecord before = require(id);
                  int v =
                      Versions.bump(
                          c,
                          "entity",
                          id,
                          expectedVersion,
                          by,
                          List.of(new Versions.Field("label", before.label(), label)));
                  try (PreparedStatement ps =
                      c.prepareStatement("UPDATE entity SET label = ? WHERE id = ?")) {
                    ps.setString(1, label);
                    ps.setString(2, id);
                    ps.executeUpdate();
                  }
                  return require(id);
                }));
  }

  /**
   * Marks {@code duplicateId} as merged into {@code survivorId}. Both rows stay; the duplicate's
   * version goes up (so a reviewer editing it is told), the survivor's too (its claims grew).
   *
   * @throws VigilException {@code conflict} when either is no longer at the version read
   */
  public void markMerged(
      String survivorId,
      int survivorVersion,
      String duplicateId,
      int duplicateVersion,
      Stamp by,
      String reason) {
    db.inTransaction(
        () ->
            db.with(
                c -> {
                  Versions.bump(
                      c,
                      "entity",
                      duplicateId,
                      duplicateVersion,
                      by,
                      List.of(new Versions.Field("merged_into", null, survivorId)));
                  Versions.bump(
                      c,
                      "entity",
                      survivorId,
                      survivorVersion,
                      by,
                      List.of(new Versions.Field("merged_from", null, duplicateId)));
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO merged_into (entity_id, survivor_id, merged_by, merged_at,"
                              + " reason) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, duplicateId);
                    ps.setString(2, survivorId);
                    ps.setString(3, by.actor());
                    ps.setString(4, by.at().toString());
                    ps.setString(5, reason);
                    ps.executeUpdate();
                  }
                  return null;
                }));
  }

  /** The record {@code id} was merged into, directly; empty when it is live. */
  public Optional<String> mergedInto(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT survivor_id FROM merged_into WHERE entity_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** The live record {@code id} ends up in after every merge; {@code id} itself when live. */
  public String resolve(String id) {
    String current = id;
    for (int hops = 0; hops < 100; hops++) {
      Optional<String> next = mergedInto(current);
      if (next.isEmpty()) {
        return current;
      }
      current = next.get();
    }
    throw new IllegalStateException("merge chain from " + id + " does not end");
  }

  /** What versions after {@code version} of an entity, claim or proposal changed, oldest first. */
  public List<Change> changesSince(String id, int version) {
    return db.with(c -> Versions.since(c, id, version));
  }

  private static List<EntityRecord> read(PreparedStatement ps) throws SQLException {
    List<EntityRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new EntityRecord(
                rs.getString("id"),
                rs.getString("type"),
                rs.getString("label"),
                rs.getString("match_key"),
                ClaimStatus.ofCode(rs.getString("status")),
                rs.getInt("version"),
                new Stamp(rs.getString("created_by"), Instant.parse(rs.getString("created_at"))),
                new Stamp(rs.getString("updated_by"), Instant.parse(rs.getString("updated_at")))));
      }
    }
    return out;
  }
}
