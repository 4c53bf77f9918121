package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A test double for the audit log's storage: one table in the same database, written through the
 * same connection, so its rows commit or roll back with the caller's transaction exactly as the
 * real log's do.
 */
public final class TestAuditTable {
  private final Database db;

  public TestAuditTable(Database db) {
    this.db = db;
    db.with(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS test_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " line TEXT NOT NULL)");
          }
          return null;
        });
  }

  public void append(String line) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO test_audit (line) VALUES (?)")) {
            ps.setString(1, line);
            ps.executeUpdate();
          }
          return null;
        });
  }

  public List<String> lines() {
    return db.with(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT line FROM test_audit ORDER BY seq");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }
}
