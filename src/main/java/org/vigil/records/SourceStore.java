package org.vigil.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ContentHash;
import org.vigil.core.DocumentMetadata;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/** Sources, their captures and their duplicate-detection keys. All SQL for them lives here. */
public final class SourceStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE_COLUMNS =
      "id, sha256, media_type, size, title, author, publisher, published, canonical_url,"
          + " language, text, normalized_text, warnings, cluster_id, captured_at";
  private static final String SUMMARY_COLUMNS =
      "id, sha256, title, language, publisher, published, cluster_id";

  private final Database db;

  public SourceStore(Database db) {
    this.db = db;
  }

  public Database database() {
    return db;
  }

  // ---- sources -------------------------------------------------------------------------------

  /**
   * Inserts a new source with its first capture and dedup keys, in one transaction.
   *
   * @throws VigilException {@code store_failure} if a source with this hash already exists
   */
  public void insert(SourceRecord s, CaptureRecord first, DedupKeys keys) {
    db.inTransaction(
        () ->
            db.with(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO source ("
                              + SOURCE_COLUMNS
                              + ", text_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    DocumentMetadata m = s.metadata();
                    SourceContent t = s.content();
                    ps.setString(1, s.id());
                    ps.setString(2, s.original().hash().hex());
                    ps.setString(3, s.original().mediaType());
                    ps.setLong(4, s.original().size());
                    ps.setString(5, m.title());
                    ps.setString(6, m.author());
                    ps.setString(7, m.publisher());
                    ps.setString(8, m.published() == null ? null : m.published().toString());
                    ps.setString(9, m.canonicalUrl());
                    ps.setString(10, t.language());
                    ps.setString(11, t.text());
                    ps.setString(
                        12, t.normalizedText().equals(t.text()) ? null : t.normalizedText());
                    ps.setString(13, toJson(t.warnings()));
                    ps.setString(14, s.clusterId());
                    ps.setString(15, s.capturedAt().toString());
                    ps.setString(16, keys.textHash());
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO signature (source_id, minhash) VALUES (?, ?)")) {
                    ps.setString(1, s.id());
                    ps.setBytes(2, toBytes(keys.minhash()));
                    ps.executeUpdate();
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT OR IGNORE INTO lsh_band (band_key, source_id) VALUES (?, ?)")) {
                    for (long key : keys.bandKeys()) {
                      ps.setLong(1, key);
                      ps.setString(2, s.id());
                      ps.addBatch();
                    }
                    ps.executeBatch();
                  }
                  insertCapture(c, first);
                  return null;
                }));
  }

  public Optional<SourceRecord> findByHash(ContentHash hash) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + SOURCE_COLUMNS + " FROM source WHERE sha256 = ?")) {
            ps.setString(1, hash.hex());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(readSource(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Finds a source by its id or by a unique prefix of at least 4 characters of its id or hash.
   *
   * @throws VigilException {@code ambiguous_id} when the prefix matches several sources
   */
  public Optional<SourceRecord> find(String idOrPrefix) {
    String p = idOrPrefix.trim().toLowerCase(java.util.Locale.ROOT);
    if (p.length() < 4 || !p.matches("[0-9a-f]+")) {
      throw VigilException.invalid(
          "id", "a source id is 4 to 64 hex digits, got '" + idOrPrefix + "'");
    }
    return db.with(
        c -> {
          String column = p.length() > ContentHash.SOURCE_ID_LENGTH ? "sha256" : "id";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + SOURCE_COLUMNS
                      + " FROM source WHERE "
                      + column
                      + " >= ? AND "
                      + column
                      + " < ? ORDER BY id LIMIT 2")) {
            ps.setString(1, p);
            ps.setString(2, p + "g"); // 'g' sorts after every hex digit
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              SourceRecord first = readSource(rs);
              if (rs.next()) {
                throw new VigilException(
                    ErrorCode.AMBIGUOUS_ID,
                    "'" + idOrPrefix + "' matches more than one source; type more of the id");
              }
              return Optional.of(first);
            }
          }
        });
  }

  public long count() {
    return db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM source");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Every source without its text, ordered by capture time then id. */
  public void forEachSummary(Consumer<SourceSummary> sink) {
    db.with(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + SUMMARY_COLUMNS + " FROM source ORDER BY captured_at, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(readSummary(rs));
            }
          }
          return null;
        });
  }

  /**
   * One page of sources, the most recently stored first; empty past the end. Stored order rather
   * than {@code captured_at}: that column has no index, and a WARC record's capture time may be
   * years before it reached this workspace.
   *
   * @param offset how many of the most recent to skip
   */
  public List<SourceSummary> recent(int limit, int offset) {
    if (limit <= 0 || offset < 0) {
      throw VigilException.invalid(
          "page", "limit must be positive and offset not negative, were " + limit + ", " + offset);
    }
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + SUMMARY_COLUMNS
                      + " FROM source ORDER BY rowid DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<SourceSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(readSummary(rs));
              }
            }
            return out;
          }
        });
  }

  /** Every source with its text, in id order, read in pages so memory stays bounded. */
  public void forEachSource(Consumer<SourceRecord> sink) {
    String after = "";
    while (true) {
      List<SourceRecord> page = page(after, 500);
      page.forEach(sink);
      if (page.size() < 500) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  private List<SourceRecord> page(String afterId, int limit) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + SOURCE_COLUMNS + " FROM source WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, afterId);
            ps.setInt(2, limit);
            return readSources(ps);
          }
        });
  }

  /** Id and hash of every source, for archive verification. */
  public void forEachHash(Consumer<ContentHash> sink) {
    db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM source ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              sink.accept(new ContentHash(rs.getString(1)));
            }
          }
          return null;
        });
  }

  // ---- captures ------------------------------------------------------------------------------

  /** Records another sighting; returns false when this origin was already recorded. */
  public boolean addCapture(CaptureRecord capture) {
    return db.with(c -> insertCapture(c, capture));
  }

  public List<CaptureRecord> captures(String sourceId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT source_id, origin, origin_kind, retrieved_at, media_type, size,"
                      + " http_status, http_headers, final_url, redirects"
                      + " FROM capture WHERE source_id = ? ORDER BY id")) {
            ps.setString(1, sourceId);
            List<CaptureRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(readCapture(rs));
              }
            }
            return out;
          }
        });
  }

  private static boolean insertCapture(Connection c, CaptureRecord k) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR IGNORE INTO capture (source_id, origin, origin_kind, retrieved_at,"
                + " media_type, size, http_status, http_headers, final_url, redirects)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, k.sourceId());
      ps.setString(2, k.origin().value());
      ps.setString(3, k.origin().kind().name().toLowerCase(java.util.Locale.ROOT));
      ps.setString(4, k.retrievedAt().toString());
      ps.setString(5, k.mediaType());
      ps.setLong(6, k.size());
      CaptureRecord.HttpCapture h = k.http();
      if (h == null) {
        ps.setNull(7, Types.INTEGER);
        ps.setNull(8, Types.VARCHAR);
        ps.setNull(9, Types.VARCHAR);
        ps.setNull(10, Types.VARCHAR);
      } else {
        ps.setInt(7, h.status());
        ps.setString(8, toJson(new java.util.TreeMap<>(h.headers())));
        ps.setString(9, h.finalUrl());
        ps.setString(10, toJson(h.redirects()));
      }
      return ps.executeUpdate() == 1;
    }
  }

  // ---- duplicates ----------------------------------------------------------------------------

  /** Ids of sources whose folded normalised text hashes to {@code textHash}. */
  public List<String> withTextHash(String textHash) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM source WHERE text_hash = ? ORDER BY id")) {
            ps.setString(1, textHash);
            return readStrings(ps);
          }
        });
  }

  /**
   * Sources sharing at least one LSH band key with {@code bandKeys}, at most {@code limit}, those
   * sharing the most bands first.
   */
  public List<String> lshCandidates(long[] bandKeys, int limit) {
    if (bandKeys.length == 0) {
      return List.of();
    }
    return db.with(
        c -> {
          String marks = "?,".repeat(bandKeys.length - 1) + "?";
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT source_id FROM lsh_band WHERE band_key IN ("
                      + marks
                      + ")"
                      + " GROUP BY source_id ORDER BY COUNT(*) DESC, source_id LIMIT ?")) {
            for (int i = 0; i < bandKeys.length; i++) {
              ps.setLong(i + 1, bandKeys[i]);
            }
            ps.setInt(bandKeys.length + 1, limit);
            return readStrings(ps);
          }
        });
  }

  /** MinHash signatures of the given sources. */
  public Map<String, long[]> signatures(Collection<String> ids) {
    Map<String, long[]> out = new LinkedHashMap<>();
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT minhash FROM signature WHERE source_id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  out.put(id, fromBytes(rs.getBytes(1)));
                }
              }
            }
          }
          return null;
        });
    return out;
  }

  /**
   * The duplicate cluster of the source with exactly this id, without reading the source itself
   * (its text may be long); empty when there is no such source.
   */
  public Optional<String> clusterOf(String id) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT cluster_id FROM source WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Cluster ids of the given sources (deduplicated, sorted). */
  public NavigableSet<String> clustersOf(Collection<String> ids) {
    NavigableSet<String> out = new TreeSet<>();
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT cluster_id FROM source WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  out.add(rs.getString(1));
                }
              }
            }
          }
          return null;
        });
    return out;
  }

  /** Moves every member of the {@code from} clusters into cluster {@code into}. */
  public void mergeClusters(String into, Collection<String> from) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE source SET cluster_id = ? WHERE cluster_id = ?")) {
            for (String f : from) {
              if (!f.equals(into)) {
                ps.setString(1, into);
                ps.setString(2, f);
                ps.addBatch();
              }
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** Clusters with at least two members, largest first, members in capture order. */
  public Map<String, List<SourceSummary>> duplicateClusters() {
    return db.with(
        c -> {
          Map<String, List<SourceSummary>> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + SUMMARY_COLUMNS
                          + " FROM source WHERE cluster_id IN"
                          + " (SELECT cluster_id FROM source GROUP BY cluster_id HAVING COUNT(*) > 1)"
                          + " ORDER BY cluster_id, captured_at, id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              SourceSummary s = readSummary(rs);
              out.computeIfAbsent(s.clusterId(), k -> new ArrayList<>()).add(s);
            }
          }
          List<Map.Entry<String, List<SourceSummary>>> sorted = new ArrayList<>(out.entrySet());
          sorted.sort(
              (a, b) ->
                  a.getValue().size() != b.getValue().size()
                      ? Integer.compare(b.getValue().size(), a.getValue().size())
                      : a.getKey().compareTo(b.getKey()));
          Map<String, List<SourceSummary>> result = new LinkedHashMap<>();
          sorted.forEach(e -> result.put(e.getKey(), List.copyOf(e.getValue())));
          return result;
        });
  }

  public int clusterSize(String clusterId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM source WHERE cluster_id = ?")) {
            ps.setString(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  public List<SourceSummary> clusterMembers(String clusterId) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + SUMMARY_COLUMNS
                      + " FROM source WHERE cluster_id = ? ORDER BY captured_at, id")) {
            ps.setString(1, clusterId);
            List<SourceSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(readSummary(rs));
              }
            }
            return out;
          }
        });
  }

  // ---- index bookkeeping ---------------------------------------------------------------------

  /** Sources not yet committed to the search index (after a crash, or before a rebuild). */
  public List<SourceRecord> unindexed(int limit) {
    return db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + SOURCE_COLUMNS
                      + " FROM source WHERE indexed = 0 ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            return readSources(ps);
          }
        });
  }

  public void markIndexed(Collection<String> ids) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE source SET indexed = 1 WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** Marks these sources as not yet in the index, so the next catch-up indexes them again. */
  public void markUnindexed(Collection<String> ids) {
    db.with(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE source SET indexed = 0 WHERE id = ?")) {
            for (String id : ids) {
              ps.setString(1, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** Every source id, sorted; empty when there are none. */
  public java.util.SortedSet<String> ids() {
    return db.with(
        c -> {
          java.util.SortedSet<String> out = new java.util.TreeSet<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  public void markAllUnindexed() {
    db.with(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE source SET indexed = 0")) {
            return ps.executeUpdate();
          }
        });
  }

  public long unindexedCount() {
    return db.with(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM source WHERE indexed = 0");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  // ---- mapping -------------------------------------------------------------------------------

  private static List<SourceRecord> readSources(PreparedStatement ps) throws SQLException {
    List<SourceRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(readSource(rs));
      }
    }
    return out;
  }

  private static SourceRecord readSource(ResultSet rs) throws SQLException {
    ContentHash hash = new ContentHash(rs.getString("sha256"));
    String text = rs.getString("text");
    String normalized = rs.getString("normalized_text");
    return new SourceRecord(
        new OriginalRef(hash, rs.getString("media_type"), rs.getLong("size")),
        new DocumentMetadata(
            rs.getString("title"),
            rs.getString("author"),
            rs.getString("publisher"),
            date(rs.getString("published")),
            rs.getString("canonical_url")),
        new SourceContent(
            rs.getString("language"),
            text,
            normalized == null ? text : normalized,
            fromJson(rs.getString("warnings"), new TypeReference<List<String>>() {})),
        rs.getString("cluster_id"),
        Instant.parse(rs.getString("captured_at")));
  }

  private static SourceSummary readSummary(ResultSet rs) throws SQLException {
    return new SourceSummary(
        rs.getString("id"),
        new ContentHash(rs.getString("sha256")),
        rs.getString("title"),
        rs.getString("language"),
        rs.getString("publisher"),
        date(rs.getString("published")),
        rs.getString("cluster_id"));
  }

  private static CaptureRecord readCapture(ResultSet rs) throws SQLException {
    int status = rs.getInt("http_status");
    CaptureRecord.HttpCapture http =
        rs.wasNull()
            ? null
            : new CaptureRecord.HttpCapture(
                status,
                fromJson(
                    rs.getString("http_headers"),
                    new TypeReference<Map<String, List<String>>>() {}),
                rs.getString("final_url"),
                fromJson(rs.getString("redirects"), new TypeReference<List<String>>() {}));
    return new CaptureRecord(
        rs.getString("source_id"),
        new CaptureRecord.Origin(
            CaptureRecord.Origin.Kind.valueOf(
                rs.getString("origin_kind").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("origin")),
        Instant.parse(rs.getString("retrieved_at")),
        rs.getString("media_type"),
        rs.getLong("size"),
        http);
  }

  private static List<String> readStrings(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static @Nullable LocalDate date(@Nullable String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain lists and maps always serialise", e);
    }
  }

  private static <T> T fromJson(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "unreadable JSON column: " + e.getMessage(), e);
    }
  }

  private static byte[] toBytes(long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  private static long[] fromBytes(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long[] out = new long[bytes.length / Long.BYTES];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getLong();
    }
    return out;
  }
}
