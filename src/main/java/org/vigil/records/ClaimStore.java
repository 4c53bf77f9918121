package org.vigil.records;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;
import org.vigil.schema.ClaimStatus;
import org.vigil.schema.SourceSpan;

/** Claims, their source spans with attribution chains, and their status history. */
public final class ClaimStore {
  private static final String COLUMNS =
      "id, subject_id, predicate, object_id, value, status, version, created_by, created_at,"
          + " updated_by, updated_at";

  private final Database db;

  public ClaimStore(Database db) {
    this.db = db;
  }

  /**
   * Creates a claim at version 1 and the first step of its status history.
   *
   * @param subjectId null for a free claim about a source's story
   */
  public Claim create(
      @Nullable String subjectId,
      String predicate,
      ClaimObject object,
      ClaimStatus status,
      Stamp by,
      String reason) {
    Checks.notBlank(predicate, "predicate");
    String id = Ids.next("claim");
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO claim (" + COLUMNS + ") VALUES (?,?,?,?,?,?,1,?,?,?,?)")) {
                    ps.setString(1, id);
                    ps.setString(2, subjectId);
                    ps.setString(3, predicate);
                    ps.setString(4, object instanceof ClaimObject.Ref r ? r.entityId() : null);
                    ps.setString(5, Json.value(object));
                    ps.setString(6, status.code());
                    ps.setString(7, by.actor());
                    ps.setString(8, by.at().toString());
                    ps.setString(9, by.actor());
                    ps.setString(10, by.at().toString());
                    ps.executeUpdate();
                  }
                  insertHistory(id, null, status, by, reason);
                  Versions.record(
                      c, id, 1, by, List.of(new Versions.Field("created", null, predicate)));
                  return new Claim(id, subjectId, predicate, object, status, 1, by, by);
                }));
  }

  public Optional<Claim> find(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM claim WHERE id = ?")) {
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
  public Claim requireAt(String id, int expectedVersion) {
    return db.with(
        c -> {
          Versions.check(c, "claim", id, expectedVersion);
          return require(id);
        });
  }

  /**
   * @throws VigilException {@code not_found}
   */
  public Claim require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                VigilException.notFound(
                    "claim "
                        + id
                        + combinedInto(id)
                            .map(k -> " (combined into " + k + " by a merge)")
                            .orElse("")));
  }

  /**
   * A claim about {@code subjectId} saying the same thing (same predicate and object or value), not
   * retracted: new evidence for it becomes another span rather than a second claim.
   */
  public Optional<Claim> findSame(String subjectId, String predicate, ClaimObject object) {
    return db.with(
        c -> {
          String value = Json.value(object);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM claim WHERE subject_id = ? AND predicate = ?"
                      + (value == null ? " AND object_id = ?" : " AND value = ?")
                      + " AND status <> 'retracted' ORDER BY created_at, rowid LIMIT 1")) {
            ps.setString(1, subjectId);
            ps.setString(2, predicate);
            ps.setString(3, value == null ? ((ClaimObject.Ref) object).entityId() : value);
            return read(ps).stream().findFirst();
          }
        });
  }

  /** Claims whose subject is {@code entityId}, oldest first. */
  public List<Claim> about(String entityId) {
    return select("subject_id = ?", entityId);
  }

  /** Claims about anything whose object is {@code entityId}, oldest first. */
  /**
   * Claims about each of {@code entityIds} in a few queries (not one per record), each list in
   * {@link #about(String)}'s order; a record without claims maps to an empty list.
   */
  public Map<String, List<Claim>> aboutEach(java.util.Collection<String> entityIds) {
    Map<String, List<Claim>> out = new LinkedHashMap<>();
    for (String id : entityIds) {
      out.put(id, new ArrayList<>());
    }
    List<String> ids = List.copyOf(out.keySet());
    for (int from = 0; from < ids.size(); from += 500) { // well under SQLite's variable limit
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      List<Claim> found =
          db.with(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT "
                            + COLUMNS
                            + " FROM claim WHERE subject_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ") ORDER BY created_at, rowid")) {
                  for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                  }
                  return read(ps);
                }
              });
      for (Claim claim : found) {
        out.get(claim.subjectId()).add(claim);
      }
    }
    return out;
  }

  public List<Claim> pointingAt(String entityId) {
    return select("object_id = ?", entityId);
  }

  /** Claims about {@code subjectId} with {@code predicate}, oldest first. */
  public List<Claim> about(String subjectId, String predicate) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM claim WHERE subject_id = ? AND predicate = ? ORDER BY created_at, rowid")) {
            ps.setString(1, subjectId);
            ps.setString(2, predicate);
            return read(ps);
          }
        });
  }

  /** Subjects of claims with {@code predicate} pointing at {@code objectId}. */
  public List<String> subjectsPointingAt(String predicate, String objectId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT DISTINCT subject_id FROM claim WHERE predicate = ? AND object_id = ?"
                      + " AND subject_id IS NOT NULL AND status <> 'retracted' ORDER BY subject_id")) {
            ps.setString(1, predicate);
            ps.setString(2, objectId);
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

  public long count() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM claim");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Adds evidence. The claim's version goes up, so a reviewer deciding on what they read earlier
   * learns that the evidence changed. Not checked against a version: adding evidence never
   * contradicts another reviewer's change.
   *
   * @param attribution origin first
   */
  public ClaimSpan addSpan(
      String claimId,
      SourceSpan span,
      List<String> attribution,
      @Nullable String proposalId,
      Stamp by) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  Versions.bump(
                      c,
                      "claim",
                      claimId,
                      null,
                      by,
                      List.of(
                          new Versions.Field(
                              "span",
                              null,
                              span.sourceId() + "[" + span.start() + "," + span.end() + ")")));
                  long spanId;
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO claim_span (claim_id, source_id, start, end, quote,"
                              + " proposal_id, added_by, added_at) VALUES (?,?,?,?,?,?,?,?)",
                          Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, claimId);
                    ps.setString(2, span.sourceId());
                    ps.setInt(3, span.start());
                    ps.setInt(4, span.end());
                    ps.setString(5, span.quote());
                    ps.setString(6, proposalId);
                    ps.setString(7, by.actor());
                    ps.setString(8, by.at().toString());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                      keys.next();
                      spanId = keys.getLong(1);
                    }
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO claim_attribution (claim_id, span_id, position, party)"
                              + " VALUES (?,?,?,?)")) {
                    for (int i = 0; i < attribution.size(); i++) {
                      ps.setString(1, claimId);
                      ps.setLong(2, spanId);
                      ps.setInt(3, i);
                      ps.setString(4, attribution.get(i));
                      ps.addBatch();
                    }
                    ps.executeBatch();
                  }
                  return new ClaimSpan(spanId, claimId, span, attribution, proposalId, by);
                }));
  }

  /** Every piece of evidence any claim takes from one source, by position in its text. */
  public List<ClaimSpan> spansInSource(String sourceId) {
    return db.with(
        c -> {
          Map<Long, List<String>> chains = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.span_id, a.party FROM claim_attribution a"
                      + " JOIN claim_span s ON s.id = a.span_id"
                      + " WHERE s.source_id = ? ORDER BY a.span_id, a.position")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              }
            }
          }
          List<ClaimSpan> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, claim_id, start, end, quote, proposal_id, added_by, added_at"
                      + " FROM claim_span WHERE source_id = ? ORDER BY start, end, id")) {
            ps.setString(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong(1);
                out.add(
                    new ClaimSpan(
                        id,
                        rs.getString(2),
                        new SourceSpan(sourceId, rs.getInt(3), rs.getInt(4), rs.getString(5)),
                        chains.getOrDefault(id, List.of()),
                        rs.getString(6),
                        new Stamp(rs.getString(7), Instant.parse(rs.getString(8)))));
              }
            }
          }
          return out;
        });
  }

  /** The claim's evidence, in the order it was added. */
  public List<ClaimSpan> spans(String claimId) {
    return db.with(
        c -> {
          Map<Long, List<String>> chains = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT span_id, party FROM claim_attribution WHERE claim_id = ?"
                      + " ORDER BY span_id, position")) {
            ps.setString(1, claimId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                chains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              }
            }
          }
          List<ClaimSpan> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, source_id, start, end, quote, proposal_id, added_by, added_at"
                      + " FROM claim_span WHERE claim_id = ? ORDER BY id")) {
            ps.setString(1, claimId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong(1);
                out.add(
                    new ClaimSpan(
                        id,
                        claimId,
                        new SourceSpan(
                            rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)),
                        chains.getOrDefault(id, List.of()),
                        rs.getString(6),
                        new Stamp(rs.getString(7), Instant.parse(rs.getString(8)))));
              }
            }
          }
          return out;
        });
  }

  /**
   * Moves a claim to status {@code to} and records the step. Which steps are allowed is the review
   * service's decision; the store only keeps versions and history.
   *
   * @param expectedVersion the version the caller read; null for a system step that follows another
   *     change in the same transaction (automatic corroboration)
   * @throws VigilException {@code conflict} when the claim is no longer at {@code expectedVersion}
   */
  public Claim setStatus(
      String claimId, @Nullable Integer expectedVersion, ClaimStatus to, Stamp by, String reason) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  Claim before = require(claimId);
                  Versions.bump(
                      c,
                      "claim",
                      claimId,
                      expectedVersion,
                      by,
                      List.of(new Versions.Field("status", before.status().code(), to.code())));
                  try (PreparedStatement ps =
                      c.prepareStatement("UPDATE claim SET status = ? WHERE id = ?")) {
                    ps.setString(1, to.code());
                    ps.setString(2, claimId);
                    ps.executeUpdate();
                  }
                  insertHistory(claimId, before.status(), to, by, reason);
                  return require(claimId);
                }));
  }

  /**
   * Points a claim's subject (or object) at another record, for a merge.
   *
   * @throws VigilException {@code conflict} when the claim is no longer at {@code expectedVersion}
   */
  public Claim reassign(String claimId, int expectedVersion, String fromId, String toId, Stamp by) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  Claim before = require(claimId);
                  List<Versions.Field> fields = new ArrayList<>();
                  if (fromId.equals(before.subjectId())) {
                    fields.add(new Versions.Field("subject", fromId, toId));
                  }
                  if (before.object() instanceof ClaimObject.Ref r && r.entityId().equals(fromId)) {
                    fields.add(new Versions.Field("object", fromId, toId));
                  }
                  if (fields.isEmpty()) {
                    return before;
                  }
                  Versions.bump(c, "claim", claimId, expectedVersion, by, fields);
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE claim SET"
                              + " subject_id = CASE WHEN subject_id = ? THEN ? ELSE subject_id END,"
                              + " object_id = CASE WHEN object_id = ? THEN ? ELSE object_id END"
                              + " WHERE id = ?")) {
                    ps.setString(1, fromId);
                    ps.setString(2, toId);
                    ps.setString(3, fromId);
                    ps.setString(4, toId);
                    ps.setString(5, claimId);
                    ps.executeUpdate();
                  }
                  return require(claimId);
                }));
  }

  /**
   * Folds claim {@code absorbedId} into {@code keeperId} after a merge made them say the same
   * thing: the keeper takes every span with its attribution chain and every status step (each step
   * still names the claim it was taken on), the absorbed row goes, and its id resolves to the
   * keeper ({@link #combinedInto}). The keeper's version goes up; its status is the caller's to
   * set.
   *
   * @throws VigilException {@code invalid_input} when the two claims do not say the same thing
   *     about the same subject; {@code not_found} when either is missing
   */
  public Claim combine(String keeperId, String absorbedId, Stamp by, String reason) {
    return db.inTransaction(
        () ->
            db.with(
                c -> {
                  Claim keeper = require(keeperId);
                  Claim absorbed = require(absorbedId);
                  if (keeperId.equals(absorbedId)
                      || !Objects.equals(keeper.subjectId(), absorbed.subjectId())
                      || !keeper.predicate().equals(absorbed.predicate())
                      || !sameObject(keeper.object(), absorbed.object())) {
                    throw VigilException.invalid(
                        "claim",
                        absorbedId
                            + " ("
                            + absorbed.predicate()
                            + " "
                            + absorbed.object().display()
                            + ") does not say the same as "
                            + keeperId
                            + " ("
                            + keeper.predicate()
                            + " "
                            + keeper.object().display()
                            + ")");
                  }
                  Versions.bump(
                      c,
                      "claim",
                      keeperId,
                      null,
                      by,
                      List.of(new Versions.Field("combined", null, absorbedId)));
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE claim_status_history SET taken_on = coalesce(taken_on, claim_id),"
                              + " claim_id = ? WHERE claim_id = ?")) {
                    ps.setString(1, keeperId);
                    ps.setString(2, absorbedId);
                    ps.executeUpdate();
                  }
                  for (String table : List.of("claim_attribution", "claim_span")) {
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "UPDATE " + table + " SET claim_id = ? WHERE claim_id = ?")) {
                      ps.setString(1, keeperId);
                      ps.setString(2, absorbedId);
                      ps.executeUpdate();
                    }
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE claim_combined SET into_id = ? WHERE into_id = ?")) {
                    ps.setString(1, keeperId);
                    ps.setString(2, absorbedId);
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO claim_combined (claim_id, into_id, combined_by, combined_at,"
                              + " reason) VALUES (?,?,?,?,?)")) {
                    ps.setString(1, absorbedId);
                    ps.setString(2, keeperId);
                    ps.setString(3, by.actor());
                    ps.setString(4, by.at().toString());
                    ps.setString(5, reason);
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement("DELETE FROM claim WHERE id = ?")) {
                    ps.setString(1, absorbedId);
                    ps.executeUpdate();
                  }
                  return require(keeperId);
                }));
  }

  /** The claim a claim id was folded into by {@link #combine}, if it was. */
  public Optional<String> combinedInto(String claimId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT into_id FROM claim_combined WHERE claim_id = ?")) {
            ps.setString(1, claimId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** The claim's status steps, oldest first; the first has no {@code from}. */
  public List<StatusChange> history(String claimId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT from_status, to_status, actor, at, reason, taken_on FROM claim_status_history"
                      + " WHERE claim_id = ? ORDER BY id")) {
            ps.setString(1, claimId);
            List<StatusChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String from = rs.getString(1);
                String takenOn = rs.getString(6);
                out.add(
                    new StatusChange(
                        takenOn == null ? claimId : takenOn,
                        from == null ? null : ClaimStatus.ofCode(from),
                        ClaimStatus.ofCode(rs.getString(2)),
                        new Stamp(rs.getString(3), Instant.parse(rs.getString(4))),
                        rs.getString(5)));
              }
            }
            return out;
          }
        });
  }

  private void insertHistory(
      String claimId, @Nullable ClaimStatus from, ClaimStatus to, Stamp by, String reason) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO claim_status_history (claim_id, from_status, to_status, actor, at,"
                      + " reason) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, claimId);
            ps.setString(2, from == null ? null : from.code());
            ps.setString(3, to.code());
            ps.setString(4, by.actor());
            ps.setString(5, by.at().toString());
            ps.setString(6, reason);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private List<Claim> select(String where, String arg) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM claim WHERE "
                      + where
                      + " ORDER BY created_at, rowid")) {
            ps.setString(1, arg);
            return read(ps);
          }
        });
  }

  /** Same record, or the same value as stored (so 230000 and 2.3E+5 are one amount). */
  static boolean sameObject(ClaimObject a, ClaimObject b) {
    if (a instanceof ClaimObject.Ref ra) {
      return b instanceof ClaimObject.Ref rb && ra.entityId().equals(rb.entityId());
    }
    return !(b instanceof ClaimObject.Ref) && Objects.equals(Json.value(a), Json.value(b));
  }

  private static List<Claim> read(PreparedStatement ps) throws SQLException {
    List<Claim> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Claim(
                rs.getString("id"),
                rs.getString("subject_id"),
                rs.getString("predicate"),
                Json.object(rs.getString("object_id"), rs.getString("value")),
                ClaimStatus.ofCode(rs.getString("status")),
                rs.getInt("version"),
                new Stamp(rs.getString("created_by"), Instant.parse(rs.getString("created_at"))),
                new Stamp(rs.getString("updated_by"), Instant.parse(rs.getString("updated_at")))));
      }
    }
    return out;
  }
}
