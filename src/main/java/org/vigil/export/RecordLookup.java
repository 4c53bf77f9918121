package org.vigil.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constant-time lookups over a {@link Snapshot}, for callers that visit every record (the map
 * layer, the network, the timeline): {@link Snapshot#record} scans the list, which is quadratic
 * over 100,000 records. Same answers as the snapshot's own methods.
 */
public final class RecordLookup {
  private final Snapshot snapshot;
  private final Map<String, Snapshot.Record> byId = new HashMap<>();

  public RecordLookup(Snapshot snapshot) {
    this.snapshot = snapshot;
    for (Snapshot.Record r : snapshot.records()) {
      byId.put(r.id(), r);
    }
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public Optional<Snapshot.Record> record(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** As {@link Snapshot#values}: a linked record's label, else the value, with its claim. */
  public List<Snapshot.Value> values(Snapshot.Record r, String predicate) {
    List<Snapshot.Value> out = new ArrayList<>();
    for (Snapshot.Claim c : r.claims(predicate)) {
      String shown;
      if (c.objectId() != null) {
        Snapshot.Record linked = byId.get(c.objectId());
        shown = linked == null ? c.objectId() : linked.label();
      } else {
        shown = c.value() == null ? "" : c.value();
      }
      out.add(new Snapshot.Value(shown, c));
    }
    return out;
  }

  /** The first value of a predicate, if any. */
  public Optional<String> first(Snapshot.Record r, String predicate) {
    List<Snapshot.Value> v = values(r, predicate);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0).text());
  }

  /** As {@link Snapshot#country}. */
  public Optional<String> country(Snapshot.Record r) {
    Optional<String> own = first(r, "country");
    if (own.isPresent()) {
      return own;
    }
    for (Snapshot.Record place : linkedPlaces(r)) {
      Optional<String> c = first(place, "country");
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /** As {@link Snapshot#coordinates}: [lat, lon]. */
  public Optional<double[]> coordinates(Snapshot.Record r) {
    if (r.lat() != null && r.lon() != null) {
      return Optional.of(new double[] {r.lat(), r.lon()});
    }
    for (Snapshot.Record place : linkedPlaces(r)) {
      if (place.lat() != null && place.lon() != null) {
        return Optional.of(new double[] {place.lat(), place.lon()});
      }
    }
    return Optional.empty();
  }

  private List<Snapshot.Record> linkedPlaces(Snapshot.Record r) {
    List<Snapshot.Record> out = new ArrayList<>();
    for (String link : List.of("located_in", "place")) {
      for (Snapshot.Claim c : r.claims(link)) {
        if (c.objectId() != null && byId.containsKey(c.objectId())) {
          out.add(byId.get(c.objectId()));
        }
      }
    }
    return out;
  }
}
