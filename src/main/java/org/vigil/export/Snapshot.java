package org.vigil.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.SourceSpan;

/**
 * The record as exports and statistics read it: records, each with the claims that make it up, and
 * the sources those claims cite. Built from the stores by the application; plain values so every
 * writer is a pure function of it.
 */
public record Snapshot(List<Record> records, List<Source> sources) {
  /** Claim statuses that count as part of the record (proposed, disputed, retracted do not). */
  public static final Set<String> STANDING = Set.of("alleged", "corroborated", "confirmed");

  public Snapshot {
    records = records instanceof RecordList already ? already : new RecordList(records);
    sources = List.copyOf(sources);
  }

  /**
   * The records, immutable, with an index by id: statistics, the map and the network look records
   * up by id for every link they follow, which a scan made quadratic in the size of the record.
   */
  private static final class RecordList extends java.util.AbstractList<Record>
      implements java.util.RandomAccess {
    private final List<Record> list;
    private final Map<String, Record> byId;

    RecordList(List<Record> records) {
      this.list = List.copyOf(records);
      Map<String, Record> index = new java.util.HashMap<>();
      for (Record r : list) {
        index.putIfAbsent(r.id(), r);
      }
      this.byId = index;
    }

    @Override
    public Record get(int i) {
      return list.get(i);
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  /** A captured source cited by claims. */
  public record Source(
      String id,
      @Nullable String title,
      @Nullable String publisher,
      @Nullable LocalDate published,
      @Nullable String url,
      String sha256) {
    public Source {
      Checks.notBlank(id, "id");
      Checks.notBlank(sha256, "sha256");
    }
  }

  /**
   * One claim: a value ({@code value}) or a link to another record ({@code objectId}).
   *
   * @param documents how many distinct sources cite it
   * @param origins how many independent origins those are
   * @param attribution the attribution chain, origin first
   */
  public record Claim(
      String id,
      String predicate,
      @Nullable String value,
      @Nullable String objectId,
      String status,
      int documents,
      int origins,
      List<SourceSpan> spans,
      List<String> attribution) {
    public Claim {
      Checks.notBlank(id, "id");
      Checks.notBlank(predicate, "predicate");
      Checks.notBlank(status, "status");
      spans = List.copyOf(spans);
      attribution = List.copyOf(attribution);
    }

    public boolean standing() {
      return STANDING.contains(status);
    }
  }

  /**
   * A station, organisation, place, person, incident or response.
   *
   * @param lat latitude for places with coordinates
   */
  public record Record(
      String id,
      String type,
      String label,
      String status,
      @Nullable Double lat,
      @Nullable Double lon,
      List<Claim> claims) {
    public Record {
      Checks.notBlank(id, "id");
      Checks.notBlank(type, "type");
      Checks.notNull(label, "label");
      claims = List.copyOf(claims);
    }

    /** Standing claims with this predicate, in order. */
    public List<Claim> claims(String predicate) {
      List<Claim> out = new ArrayList<>();
      for (Claim c : claims) {
        if (c.predicate().equals(predicate) && c.standing()) {
          out.add(c);
        }
      }
      return out;
    }
  }

  public Optional<Record> record(String id) {
    return Optional.ofNullable(((RecordList) records).byId.get(id));
  }

  public List<Record> ofType(String type) {
    return records.stream().filter(r -> r.type().equals(type)).toList();
  }

  public Map<String, Source> sourcesById() {
    Map<String, Source> out = new LinkedHashMap<>();
    sources.forEach(s -> out.put(s.id(), s));
    return out;
  }

  /**
   * The values of a predicate as display strings: a linked record's label, else the value. Each
   * with the claim that states it.
   */
  public List<Value> values(Record r, String predicate) {
    List<Value> out = new ArrayList<>();
    for (Claim c : r.claims(predicate)) {
      String shown =
          c.objectId() != null
              ? record(c.objectId()).map(Record::label).orElse(c.objectId())
              : c.value() == null ? "" : c.value();
      out.add(new Value(shown, c));
    }
    return out;
  }

  /** A value with its claim. */
  public record Value(String text, Claim claim) {}

  /**
   * The ISO country code of a record: its own {@code country} claim, else that of the place it is
   * {@code located_in} (or, for incidents, its {@code place}).
   */
  public Optional<Value> country(Record r) {
    List<Value> own = values(r, "country");
    if (!own.isEmpty()) {
      return Optional.of(own.get(0));
    }
    for (String link : List.of("located_in", "place")) {
      for (Claim c : r.claims(link)) {
        if (c.objectId() != null) {
          Optional<Record> place = record(c.objectId());
          if (place.isPresent()) {
            List<Value> v = values(place.get(), "country");
            if (!v.isEmpty()) {
              return Optional.of(new Value(v.get(0).text(), c));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Coordinates of a record: its own, else those of the place it is located in. */
  public Optional<double[]> coordinates(Record r) {
    if (r.lat() != null && r.lon() != null) {
      return Optional.of(new double[] {r.lat(), r.lon()});
    }
    for (String link : List.of("located_in", "place")) {
      for (Claim c : r.claims(link)) {
        if (c.objectId() != null) {
          Optional<Record> place = record(c.objectId());
          if (place.isPresent() && place.get().lat() != null && place.get().lon() != null) {
            return Optional.of(new double[] {place.get().lat(), place.get().lon()});
          }
        }
      }
    }
    return Optional.empty();
  }
}
