package org.vigil.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.schema.SourceSpan;

/**
 * Writes a {@link Snapshot} as CSV (one file per record type, plus claims and sources), JSON,
 * GeoJSON (stations and incidents with coordinates) or FollowTheMoney entities (see {@link
 * FtmWriter}). Each file is written to a temporary name and renamed, so a failed export never
 * leaves a half-written file under the final name.
 */
public final class Exporter {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final String linkBase;

  /**
   * @param linkBase prefix of the link back to each record, e.g. {@code
   *     http://localhost:7070/records/}; the record id is appended
   */
  public Exporter(String linkBase) {
    this.linkBase = Checks.notNull(linkBase, "linkBase");
  }

  public static Exporter withDefaultLinks() {
    return new Exporter("vigil://records/");
  }

  /** Writes the snapshot in one format into {@code outDir}; returns the files written. */
  public List<Path> write(Snapshot s, ExportFormat format, Path outDir) {
    try {
      Files.createDirectories(outDir);
      return switch (format) {
        case CSV -> csv(s, outDir);
        case JSON ->
            List.of(
                atomically(
                    outDir.resolve("vigil.json"),
                    w ->
                        w.write(
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(s)))));
        case GEOJSON ->
            List.of(
                atomically(
                    outDir.resolve("vigil.geojson"),
                    w -> w.write(JSON.writeValueAsString(geojson(s)))));
        case FTM ->
            List.of(atomically(outDir.resolve("vigil.ftm.json"), w -> new FtmWriter(s).write(w)));
      };
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.STORE_FAILURE, "cannot write export to " + outDir + ": " + e.getMessage(), e);
    }
  }

  public String link(String recordId) {
    return linkBase + recordId;
  }

  // ---- CSV -----------------------------------------------------------------------------------

  private List<Path> csv(Snapshot s, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    s.records().forEach(r -> types.add(r.type()));
    for (String type : types) {
      List<Snapshot.Record> records = s.ofType(type);
      // columns: the predicates used by records of this type, in first-seen order
      Set<String> predicates = new LinkedHashSet<>();
      records.forEach(r -> r.claims().forEach(c -> predicates.add(c.predicate())));
      List<String> header = new ArrayList<>(List.of("id", "link", "label", "status"));
      header.addAll(predicates);
      header.add("claims");
      out.add(
          atomically(
              dir.resolve(plural(type) + ".csv"),
              w -> {
                try (CSVPrinter p =
                    new CSVPrinter(
                        w,
                        CSVFormat.DEFAULT
                            .builder()
                            .setHeader(header.toArray(String[]::new))
                            .get())) {
                  for (Snapshot.Record r : records) {
                    List<String> row =
                        new ArrayList<>(List.of(r.id(), link(r.id()), r.label(), r.status()));
                    for (String pred : predicates) {
                      row.add(
                          String.join(
                              "; ", s.values(r, pred).stream().map(Snapshot.Value::text).toList()));
                    }
                    row.add(String.join(" ", r.claims().stream().map(Snapshot.Claim::id).toList()));
                    p.printRecord(row);
                  }
                }
              }));
    }
    out.add(
        atomically(
            dir.resolve("claims.csv"),
            w -> {
              try (CSVPrinter p =
                  new CSVPrinter(
                      w,
                      CSVFormat.DEFAULT
                          .builder()
                          .setHeader(
                              "claim",
                              "record",
                              "record_link",
                              "predicate",
                              "value",
                              "object",
                              "status",
                              "documents",
                              "independent_origins",
                              "sources",
                              "quotes",
                              "attribution")
                          .get())) {
                for (Snapshot.Record r : s.records()) {
                  for (Snapshot.Claim c : r.claims()) {
                    p.printRecord(
                        c.id(),
                        r.id(),
                        link(r.id()),
                        c.predicate(),
                        c.value(),
                        c.objectId(),
                        c.status(),
                        c.documents(),
                        c.origins(),
                        String.join(
                            " ", c.spans().stream().map(SourceSpan::sourceId).distinct().toList()),
                        String.join(
                            " | ",
                            c.spans().stream()
                                .map(sp -> sp.quote().isEmpty() ? "(quote withheld)" : sp.quote())
                                .toList()),
                        String.join(" → ", c.attribution()));
                  }
                }
              }
            }));
    out.add(
        atomically(
            dir.resolve("sources.csv"),
            w -> {
              try (CSVPrinter p =
                  new CSVPrinter(
                      w,
                      CSVFormat.DEFAULT
                          .builder()
                          .setHeader("source", "title", "publisher", "published", "url", "sha256")
                          .get())) {
                for (Snapshot.Source src : s.sources()) {
                  p.printRecord(
                      src.id(),
                      src.title(),
                      src.publisher(),
                      src.published(),
                      src.url(),
                      src.sha256());
                }
              }
            }));
    return out;
  }

  private static String plural(String type) {
    return type.endsWith("y") ? type.substring(0, type.length() - 1) + "ies" : type + "s";
  }

  // ---- JSON ----------------------------------------------------------------------------------

  private ObjectNode json(Snapshot s) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("records");
    for (Snapshot.Record r : s.records()) {
      ObjectNode n = records.addObject();
      n.put("id", r.id());
      n.put("type", r.type());
      n.put("label", r.label());
      n.put("status", r.status());
      n.put("link", link(r.id()));
      if (r.lat() != null && r.lon() != null) {
        n.put("lat", r.lat());
        n.put("lon", r.lon());
      }
      ArrayNode claims = n.putArray("claims");
      for (Snapshot.Claim c : r.claims()) {
        ObjectNode cn = JSON.valueToTree(c);
        claims.add(cn);
      }
    }
    root.set("sources", JSON.valueToTree(s.sources()));
    return root;
  }

  // ---- GeoJSON -------------------------------------------------------------------------------

  private ObjectNode geojson(Snapshot s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    for (String type : List.of("station", "incident")) {
      for (Snapshot.Record r : s.ofType(type)) {
        var coords = s.coordinates(r);
        if (coords.isEmpty()) {
          continue; // nothing to place on a map; still in the CSV and JSON exports
        }
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        f.put("id", r.id());
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        // GeoJSON is longitude first (RFC 7946)
        g.putArray("coordinates").add(coords.get()[1]).add(coords.get()[0]);
        ObjectNode p = f.putObject("properties");
        p.put("type", r.type());
        p.put("label", r.label());
        p.put("status", r.status());
        p.put("link", link(r.id()));
        s.country(r).ifPresent(c -> p.put("country", c.text().toUpperCase(Locale.ROOT)));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Snapshot.Claim c : r.claims()) {
          if (c.standing() && !c.predicate().equals("country")) {
            values.computeIfAbsent(c.predicate(), k -> new ArrayList<>());
          }
        }
        values
            .keySet()
            .forEach(
                k -> {
                  ArrayNode a = p.putArray(k);
                  s.values(r, k).forEach(v -> a.add(v.text()));
                });
        ArrayNode claimIds = p.putArray("claims");
        r.claims().forEach(c -> claimIds.add(c.id()));
      }
    }
    return root;
  }

  // ---- files ---------------------------------------------------------------------------------

  /** Writes through {@code body}. */
  @FunctionalInterface
  interface Body {
    void write(BufferedWriter w) throws IOException;
  }

  private static Path atomically(Path target, Body body) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".part");
    try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
