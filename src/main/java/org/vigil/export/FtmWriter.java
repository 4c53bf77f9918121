package org.vigil.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Model;

/**
 * FollowTheMoney entities, one JSON object per line, built with the FtM model's own bindings so
 * that every schema and property is checked as it is written. Mapping:
 *
 * <ul>
 *   <li>station → {@code Organization} (its place as {@code addressEntity});
 *   <li>organisation → {@code PublicBody} for bureaus, ministries, party bodies and host-state
 *       agencies, {@code Organization} otherwise;
 *   <li>place → {@code Address}; public person → {@code Person};
 *   <li>incident and host-state response → {@code Event};
 *   <li>every other link between records → {@code UnknownLink} with the predicate as role;
 *   <li>source → {@code Article}; each (source, record) pair a claim cites → {@code Documentation}.
 * </ul>
 */
final class FtmWriter {
  private static final Set<String> PUBLIC_BODIES =
      Set.of("public_security_bureau", "ministry", "party_body", "host_state_agency");
  private static final Model MODEL = loadModel();

  private final Snapshot snapshot;
  private final ObjectMapper json = new ObjectMapper();

  FtmWriter(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  static String ftmId(String id) {
    return "vigil-" + id.replaceAll("[^A-Za-z0-9.-]", "-");
  }

  void write(BufferedWriter out) throws IOException {
    for (Snapshot.Source s : snapshot.sources()) {
      ValueEntity a = entity(ftmId("source-" + s.id()), "Article");
      add(a, "title", s.title() == null ? s.id() : s.title());
      add(a, "publisher", s.publisher());
      add(a, "publishedAt", s.published() == null ? null : s.published().toString());
      add(a, "sourceUrl", s.url());
      add(a, "contentHash", s.sha256());
      emit(out, a);
    }
    for (Snapshot.Record r : snapshot.records()) {
      emit(out, recordEntity(r));
      for (Snapshot.Claim c : r.claims()) {
        if (c.objectId() != null && !mappedLink(r.type(), c.predicate()) && c.standing()) {
          ValueEntity link = entity(ftmId(c.id()), "UnknownLink");
          add(link, "subject", ftmId(r.id()));
          add(link, "object", ftmId(c.objectId()));
          add(link, "role", c.predicate().replace('_', ' '));
          emit(out, link);
        }
      }
      // one Documentation per source that supports this record
      Map<String, Set<String>> claimsBySource = new LinkedHashMap<>();
      for (Snapshot.Claim c : r.claims()) {
        c.spans()
            .forEach(
                sp ->
                    claimsBySource
                        .computeIfAbsent(sp.sourceId(), k -> new LinkedHashSet<>())
                        .add(c.id()));
      }
      for (Map.Entry<String, Set<String>> e : claimsBySource.entrySet()) {
        ValueEntity d = entity(ftmId("doc-" + e.getKey() + "-" + r.id()), "Documentation");
        add(d, "document", ftmId("source-" + e.getKey()));
        add(d, "entity", ftmId(r.id()));
        add(d, "role", "source of claims " + String.join(", ", e.getValue()));
        emit(out, d);
      }
    }
  }

  /** Links expressed as a property of the record itself, not as an UnknownLink. */
  private static boolean mappedLink(String type, String predicate) {
    return switch (type) {
      case "station" -> predicate.equals("located_in");
      case "incident", "response" -> predicate.equals("place");
      default -> false;
    };
  }

  private ValueEntity recordEntity(Snapshot.Record r) {
    String schema =
        switch (r.type()) {
          case "station" -> "Organization";
          case "organization" ->
              snapshot.values(r, "kind").stream().anyMatch(v -> PUBLIC_BODIES.contains(v.text()))
                  ? "PublicBody"
                  : "Organization";
          case "place" -> "Address";
          case "person" -> "Person";
          case "incident", "response" -> "Event";
          default -> "Thing";
        };
    ValueEntity e = entity(ftmId(r.id()), schema);
    String country = snapshot.country(r).map(v -> v.text().toLowerCase(Locale.ROOT)).orElse(null);
    switch (r.type()) {
      case "place" -> {
        add(e, "full", r.label());
        snapshot.values(r, "name").forEach(v -> add(e, "city", v.text()));
        add(e, "country", country);
        if (r.lat() != null && r.lon() != null) {
          add(e, "latitude", r.lat().toString());
          add(e, "longitude", r.lon().toString());
        }
      }
      case "incident", "response" -> {
        add(e, "name", r.label());
        add(e, "country", country);
        for (Snapshot.Value v : snapshot.values(r, "date")) {
          String[] range = v.text().split("/");
          add(e, "date", range[0]);
          if (range.length == 2) {
            add(e, "endDate", range[1]);
          }
        }
        String kind = r.type().equals("incident") ? "tactic" : "kind";
        snapshot.values(r, kind).forEach(v -> add(e, "summary", kind + ": " + v.text()));
        r.claims("place").stream()
            .filter(c -> c.objectId() != null)
            .forEach(c -> add(e, "addressEntity", ftmId(c.objectId())));
      }
      default -> {
        add(e, "name", r.label());
        snapshot.values(r, "name").forEach(v -> add(e, "name", v.text()));
        add(e, "country", country);
        if (r.type().equals("station")) {
          add(e, "description", "Overseas police service station as reported in the cited sources");
          r.claims("located_in").stream()
              .filter(c -> c.objectId() != null)
              .forEach(c -> add(e, "addressEntity", ftmId(c.objectId())));
        }
        if (r.type().equals("person")) {
          snapshot.values(r, "role").forEach(v -> add(e, "position", v.text()));
        }
      }
    }
    return e;
  }

  private static ValueEntity entity(String id, String schema) {
    var s = MODEL.getSchema(schema);
    if (s == null) {
      throw new IllegalStateException("FtM model has no schema " + schema);
    }
    return new ValueEntity(id, s);
  }

  private static void add(ValueEntity e, String property, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      e.addValue(property, value);
    } catch (SchemaException ex) {
      throw new IllegalStateException(
          "FtM " + e.getSchema().getName() + " has no property " + property, ex);
    }
  }

  private void emit(BufferedWriter out, ValueEntity e) throws IOException {
    out.write(json.writeValueAsString(e.toValueJson()));
    out.newLine();
  }

  private static Model loadModel() {
    try {
      return Model.loadDefault();
    } catch (IOException e) {
      throw new UncheckedIOException("the FtM model ships inside its jar", e);
    }
  }
}
