package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of every item of every ingest run, failures with their reason. */
public final class IngestLogStore {
  private final Database db;

  public IngestLogStore(Database db) {
    this.db = db;
  }

  /** One logged item. */
  public record Entry(
      String runId,
      String input,
      String status,
      @Nullable String sourceId,
      @Nullable String errorCode,
      @Nullable String error,
      Instant at) {}

  public void append(Entry e) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO ingest_item (run_id, input, status, source_id, error_code, error, at)"
                      + " VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, e.runId());
            ps.setString(2, e.input());
            ps.setString(3, e.status());
            ps.setString(4, e.sourceId());
            ps.setString(5, e.errorCode());
            ps.setString(6, e.error());
            ps.setString(7, e.at().toString());
            return ps.executeUpdate();
          }
        });
  }

  public List<Entry> run(String runId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id, input, status, source_id, error_code, error, at"
                      + " FROM ingest_item WHERE run_id = ? ORDER BY id")) {
            ps.setString(1, runId);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Instant.parse(rs.getString(7))));
              }
            }
            return out;
          }
        });
  }
}
