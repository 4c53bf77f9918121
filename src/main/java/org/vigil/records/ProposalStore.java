package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/** Extraction proposals and reviewers' decisions on them. */
public final class ProposalStore {
  private static final String COLUMNS =
      "id, source_id, kind, fields, extracted, span_start, span_end, quote, confidence, status,"
          + " version, created_at, decided_by, decided_at, reason, result_ids";

  private final Database db;

  public ProposalStore(Database db) {
    this.db = db;
  }

  /**
   * Replaces the open proposals of a source with {@code proposals}, for a re-extraction. Decided
   * proposals stay, and an incoming proposal equal to one already decided or still open (same kind,
   * span and fields) is not stored again, so re-running extraction neither re-opens what a reviewer
   * settled nor changes the ids of what they may be looking at.
   *
   * @return the source's open proposals after the replacement
   */
  public List<ProposalRecord> replaceOpen(String sourceId, List<Proposal> proposals, Instant at) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  List<ProposalRecord> existing =
                      list(new ProposalFilter(sourceId, null, null, Integer.MAX_VALUE));
                  List<Proposal> incoming = new ArrayList<>(proposals);
                  for (ProposalRecord p : existing) {
                    boolean wanted = incoming.remove(p.proposal()) || sameAsExtracted(p, incoming);
                    if (p.status() == ProposalStatus.OPEN && !wanted) {
                      try (PreparedStatement ps =
                          c.prepareStatement("DELETE FROM proposal WHERE id = ?")) {
                        ps.setString(1, p.id());
                        ps.executeUpdate();
                      }
                    }
                  }
                  for (Proposal p : incoming) {
                    if (!p.span().sourceId().equals(sourceId)) {
                      throw VigilException.invalid(
                          "span",
                          "proposal cites source " + p.span().sourceId() + ", not " + sourceId);
                    }
                    insert(p, at);
                  }
                  return list(
                      new ProposalFilter(sourceId, null, ProposalStatus.OPEN, Integer.MAX_VALUE));
                }));
  }

  // An edited proposal is stored with the reviewer's fields; re-extraction proposes the
  // original ones again, which must still count as "already decided".
  private static boolean sameAsExtracted(ProposalRecord p, List<Proposal> incoming) {
    Proposal original =
        new Proposal(
            p.proposal().kind(), p.proposal().span(), p.extracted(), p.proposal().confidence());
    return incoming.remove(original);
  }

  private void insert(Proposal p, Instant at) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO proposal (id, source_id, kind, fields, extracted, span_start,"
                      + " span_end, quote, confidence, status, version, created_at)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,'open',1,?)")) {
            String json = Json.fields(p.fields());
            ps.setString(1, Ids.next("proposal"));
            ps.setString(2, p.span().sourceId());
            ps.setString(3, p.kind().code());
            ps.setString(4, json);
            ps.setString(5, json);
            ps.setInt(6, p.span().start());
            ps.setInt(7, p.span().end());
            ps.setString(8, p.span().quote());
            ps.setDouble(9, p.confidence());
            ps.setString(10, at.toString());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** How many proposals there are in each status (statuses with none are absent). */
  public java.util.Map<ProposalStatus, Long> countByStatus() {
    return db.with(
        c -> {
          java.util.Map<ProposalStatus, Long> out = new java.util.EnumMap<>(ProposalStatus.class);
          try (java.sql.PreparedStatement ps =
                  c.prepareStatement("SELECT status, COUNT(*) FROM proposal GROUP BY status");
              java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(
                  ProposalStatus.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                  rs.getLong(2));
            }
          }
          return out;
        });
  }

  public Optional<ProposalRecord> find(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM proposal WHERE id = ?")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
          }
        });
  }

  /**
   * The row as the caller read it: present and still at {@code expectedVersion}.
   *
   * @throws VigilException {@code conflict} naming what changed since, and who changed it; {@code
   *     not_found}
   */
  public ProposalRecord requireAt(String id, int expectedVersion) {
    return db.with(
        c -> {
          Versions.check(c, "proposal", id, expectedVersion);
          return require(id);
        });
  }

  /**
   * @throws VigilException {@code not_found}
   */
  public ProposalRecord require(String id) {
    return find(id).orElseThrow(() -> VigilException.notFound("proposal " + id));
  }

  /** Proposals matching {@code filter}, oldest first, then by position in the source. */
  public List<ProposalRecord> list(ProposalFilter filter) {
    return db.with(
        c -> {
          StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM proposal WHERE 1=1");
          List<String> args = new ArrayList<>();
          if (filter.sourceId() != null) {
            sql.append(" AND source_id = ?");
            args.add(filter.sourceId());
          }
          if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(filter.kind().code());
          }
          if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().code());
          }
          sql.append(" ORDER BY created_at, source_id, span_start, id LIMIT ?");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String a : args) {
              ps.setString(i++, a);
            }
            ps.setInt(i, filter.limit());
            return read(ps);
          }
        });
  }

  /**
   * Records a reviewer's decision.
   *
   * @param fields the fields as decided (the reviewer's edits applied)
   * @throws VigilException {@code conflict} when the proposal is no longer at {@code
   *     expectedVersion}, e.g. another reviewer decided it first
   */
  public ProposalRecord decide(
      String id,
      int expectedVersion,
      ProposalStatus status,
      Map<String, List<String>> fields,
      Stamp by,
      String reason,
      List<String> resultIds) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  ProposalRecord before = require(id);
                  List<Versions.Field> changed = new ArrayList<>();
                  changed.add(new Versions.Field("status", before.status().code(), status.code()));
                  if (!fields.equals(before.proposal().fields())) {
                    changed.add(
                        new Versions.Field(
                            "fields",
                            Json.fields(before.proposal().fields()),
                            Json.fields(fields)));
                  }
                  Versions.bump(c, "proposal", id, expectedVersion, by, changed);
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE proposal SET status = ?, fields = ?, decided_by = ?,"
                              + " decided_at = ?, reason = ?, result_ids = ? WHERE id = ?")) {
                    ps.setString(1, status.code());
                    ps.setString(2, Json.fields(fields));
                    ps.setString(3, by.actor());
                    ps.setString(4, by.at().toString());
                    ps.setString(5, reason);
                    ps.setString(6, Json.strings(resultIds));
                    ps.setString(7, id);
                    ps.executeUpdate();
                  }
                  return require(id);
                }));
  }

  private static List<ProposalRecord> read(PreparedStatement ps) throws SQLException {
    List<ProposalRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        SourceSpan span =
            new SourceSpan(
                rs.getString("source_id"),
                rs.getInt("span_start"),
                rs.getInt("span_end"),
                rs.getString("quote"));
        String decidedBy = rs.getString("decided_by");
        @Nullable Stamp decided =
            decidedBy == null
                ? null
                : new Stamp(decidedBy, Instant.parse(rs.getString("decided_at")));
        String reason = rs.getString("reason");
        out.add(
            new ProposalRecord(
                rs.getString("id"),
                new Proposal(
                    ProposalKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                    span,
                    Json.fields(rs.getString("fields")),
                    rs.getDouble("confidence")),
                Json.fields(rs.getString("extracted")),
                ProposalStatus.ofCode(rs.getString("status")),
                rs.getInt("version"),
                decided,
                reason == null ? "" : reason,
                Json.strings(rs.getString("result_ids"))));
      }
    }
    return out;
  }
}
