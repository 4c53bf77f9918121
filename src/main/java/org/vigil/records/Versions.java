package org.vigil.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Optimistic locking shared by the stores: an update names the version its caller read and fails
 * with {@code conflict} when someone else has changed the row since, saying what they changed.
 */
final class Versions {
  private Versions() {}

  /** One field a change touches. */
  record Field(String name, @Nullable String oldValue, @Nullable String newValue) {}

  /**
   * Raises the version of row {@code id} in {@code table} from {@code expected} (any when null) and
   * records the fields changed. Returns the new version.
   *
   * @throws VigilException {@code conflict} when the row is no longer at {@code expected}; {@code
   *     not_found} when there is no such row
   */
  static int bump(
      Connection c,
      String table,
      String id,
      @Nullable Integer expected,
      Stamp by,
      List<Field> fields)
      throws SQLException {
    // Table names come from the stores' own constants, never from input.
    String sql =
        "UPDATE "
            + table
            + " SET version = version + 1"
            + (table.equals("proposal") ? "" : ", updated_by = ?, updated_at = ?")
            + " WHERE id = ?"
            + (expected == null ? "" : " AND version = ?")
            + " RETURNING version";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (!table.equals("proposal")) {
        ps.setString(i++, by.actor());
        ps.setString(i++, by.at().toString());
      }
      ps.setString(i++, id);
      if (expected != null) {
        ps.setInt(i, expected);
      }
      int version;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw conflictOrMissing(c, table, id, expected == null ? 0 : expected);
        }
        version = rs.getInt(1);
      }
      record(c, id, version, by, fields);
      return version;
    }
  }

  /** Records the fields a new row's first version sets. */
  static void record(Connection c, String id, int version, Stamp by, List<Field> fields)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO record_change (subject_id, version, field, old_value, new_value, actor,"
                + " at) VALUES (?,?,?,?,?,?,?)")) {
      for (Field f : fields) {
        ps.setString(1, id);
        ps.setInt(2, version);
        ps.setString(3, f.name());
        ps.setString(4, f.oldValue());
        ps.setString(5, f.newValue());
        ps.setString(6, by.actor());
        ps.setString(7, by.at().toString());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static List<Change> since(Connection c, String id, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT subject_id, version, field, old_value, new_value, actor, at"
                + " FROM record_change WHERE subject_id = ? AND version > ?"
                + " ORDER BY version, field")) {
      ps.setString(1, id);
      ps.setInt(2, version);
      List<Change> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Change(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  new Stamp(rs.getString(6), java.time.Instant.parse(rs.getString(7)))));
        }
      }
      return out;
    }
  }

  /**
   * Checks that row {@code id} of {@code table} is still at {@code expected}, before a change that
   * touches several rows is begun.
   *
   * @throws VigilException {@code conflict} naming what changed since; {@code not_found}
   */
  static void check(Connection c, String table, String id, int expected) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getInt(1) == expected) {
          return;
        }
      }
    }
    throw conflictOrMissing(c, table, id, expected);
  }

  private static VigilException conflictOrMissing(
      Connection c, String table, String id, int expected) throws SQLException {
    Integer current = null;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          current = rs.getInt(1);
        }
      }
    }
    if (current == null) {
      return VigilException.notFound(table + " " + id);
    }
    List<Change> changes = since(c, id, expected);
    StringBuilder m =
        new StringBuilder(id)
            .append(" was changed after you read version ")
            .append(expected)
            .append(" (now version ")
            .append(current)
            .append("): ");
    if (changes.isEmpty()) {
      m.append("no change is recorded");
    }
    for (int i = 0; i < changes.size(); i++) {
      m.append(i == 0 ? "" : "; ").append(changes.get(i).describe());
    }
    m.append(". Reload it and decide again.");
    return new VigilException(ErrorCode.CONFLICT, m.toString());
  }
}
