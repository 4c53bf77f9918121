package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * The rows of the audit log ({@code audit_event}). All SQL for them lives here. This store only
 * inserts and reads: hashing and chain rules belong to {@code org.vigil.audit.AuditLog}, which
 * records may not depend on, so rows travel as this store's own {@link Row}.
 *
 * <p>Text is returned exactly as stored, never re-formatted, because verification must hash what is
 * in the file, not a cleaned-up version of it.
 */
public final class AuditStore {
  private static final String COLUMNS =
      "seq, at, actor, action, subject, before_json, after_json, reason, previous_hash, hash";

  private final Database db;

  public AuditStore(Database db) {
    this.db = db;
  }

  /** What changed, as stored; {@code before} and {@code after} are null when absent. */
  public record Change(
      String actor,
      String action,
      String subject,
      @Nullable String before,
      @Nullable String after,
      String reason) {
    public Change {
      Checks.notNull(actor, "actor");
      Checks.notNull(action, "action");
      Checks.notNull(subject, "subject");
      Checks.notNull(reason, "reason");
    }
  }

  /**
   * One stored row. Checks are only for nulls: a tampered row must still be readable so that
   * verification can say what is wrong with it.
   */
  public record Row(long seq, String at, Change change, String previousHash, String hash) {
    public Row {
      Checks.notNull(at, "at");
      Checks.notNull(change, "change");
      Checks.notNull(previousHash, "previousHash");
      Checks.notNull(hash, "hash");
    }
  }

  /**
   * Inserts one row. Joins the transaction open on this thread, if any.
   *
   * @throws org.vigil.core.VigilException {@code store_failure} if {@code seq} is taken
   */
  public void insert(Row row) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            Change ch = row.change();
            ps.setLong(1, row.seq());
            ps.setString(2, row.at());
            ps.setString(3, ch.actor());
            ps.setString(4, ch.action());
            ps.setString(5, ch.subject());
            ps.setString(6, ch.before());
            ps.setString(7, ch.after());
            ps.setString(8, ch.reason());
            ps.setString(9, row.previousHash());
            ps.setString(10, row.hash());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The row with the highest seq, or empty when the log is empty. */
  public Optional<Row> last() {
    return one("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT 1", null);
  }

  public Optional<Row> findBySeq(long seq) {
    return one("SELECT " + COLUMNS + " FROM audit_event WHERE seq = ?", seq);
  }

  /**
   * The first row (by seq) whose stored hash is {@code hash}. There is no index on hash: this is
   * only used to explain a verification failure, once, and a full scan then is cheaper than an
   * index kept up on every append.
   */
  public Optional<Row> findByHash(String hash) {
    return one("SELECT " + COLUMNS + " FROM audit_event WHERE hash = ? ORDER BY seq LIMIT 1", hash);
  }

  public long count() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_event");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Up to {@code limit} rows with seq greater than {@code afterSeq}, in seq order. */
  public List<Row> page(long afterSeq, int limit) {
    Checks.positive(limit, "limit");
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            return readAll(ps);
          }
        });
  }

  /**
   * Feeds every row to {@code sink} in seq order, reading in pages so memory stays bounded and
   * other threads can use the connection between pages. Stops early, returning false, when the sink
   * returns false; returns true when every row was seen.
   */
  public boolean forEachInOrder(Predicate<Row> sink) {
    long after = Long.MIN_VALUE;
    int pageSize = 1000;
    while (true) {
      List<Row> rows = page(after, pageSize);
      for (Row r : rows) {
        if (!sink.test(r)) {
          return false;
        }
      }
      if (rows.size() < pageSize) {
        return true;
      }
      after = rows.get(rows.size() - 1).seq();
    }
  }

  /** Every row about {@code subject}, oldest first; empty when there is none. */
  public List<Row> history(String subject) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM audit_event WHERE subject = ? ORDER BY seq")) {
            ps.setString(1, subject);
            return readAll(ps);
          }
        });
  }

  private Optional<Row> one(String sql, @Nullable Object param) {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
              ps.setObject(1, param);
            }
            List<Row> rows = readAll(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
          }
        });
  }

  private static List<Row> readAll(PreparedStatement ps) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  /**
   * Columns declared NOT NULL are read as "" if someone has nulled them in the file, so the row
   * still reaches verification (where it fails its hash) instead of failing to load.
   */
  private static Row read(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1),
        text(rs, 2),
        new Change(
            text(rs, 3), text(rs, 4), text(rs, 5), rs.getString(6), rs.getString(7), text(rs, 8)),
        text(rs, 9),
        text(rs, 10));
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? "" : s;
  }
}
