package org.vigil.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tables a report prints: stations by host country and by operating agency; incidents by
 * tactic, year and host country. Every figure lists the claims behind it, so each number can answer
 * "who says so". Only records with at least one standing claim count.
 */
public final class Statistics {
  private Statistics() {}

  /** One row: a key, how many records, and the claims that put them there. */
  public record Figure(String key, long count, List<String> claimIds) {
    public Figure {
      claimIds = List.copyOf(claimIds);
    }
  }

  /** A named table, rows by descending count then key. */
  public record Table(String name, List<Figure> rows) {
    public Table {
      rows = List.copyOf(rows);
    }

    public long total() {
      return rows.stream().mapToLong(Figure::count).sum();
    }
  }

  public static List<Table> of(Snapshot s) {
    return List.of(
        table(
            "stations_by_host_country",
            s,
            "station",
            r -> s.country(r).map(List::of).orElse(List.of())),
        table("stations_by_operating_agency", s, "station", r -> s.values(r, "operated_by")),
        table("incidents_by_tactic", s, "incident", r -> s.values(r, "tactic")),
        table("incidents_by_year", s, "incident", r -> years(s, r)),
        table(
            "incidents_by_host_country",
            s,
            "incident",
            r -> s.country(r).map(List::of).orElse(List.of())));
  }

  private static List<Snapshot.Value> years(Snapshot s, Snapshot.Record r) {
    List<Snapshot.Value> out = new ArrayList<>();
    for (Snapshot.Value v : s.values(r, "date")) {
      if (v.text().length() >= 4 && v.text().substring(0, 4).chars().allMatch(Character::isDigit)) {
        out.add(new Snapshot.Value(v.text().substring(0, 4), v.claim()));
      }
    }
    return out;
  }

  /**
   * Counts each record once per distinct key; records without a key count under {@code unknown} so
   * the table's total equals the number of records.
   */
  private static Table table(
      String name, Snapshot s, String type, Function<Snapshot.Record, List<Snapshot.Value>> keys) {
    Map<String, Set<String>> records = new TreeMap<>();
    Map<String, Set<String>> claims = new TreeMap<>();
    for (Snapshot.Record r : s.ofType(type)) {
      if (r.claims().stream().noneMatch(Snapshot.Claim::standing)) {
        continue;
      }
      List<Snapshot.Value> values = keys.apply(r);
      if (values.isEmpty()) {
        records.computeIfAbsent("unknown", k -> new LinkedHashSet<>()).add(r.id());
        continue;
      }
      for (Snapshot.Value v : values) {
        records.computeIfAbsent(v.text(), k -> new LinkedHashSet<>()).add(r.id());
        claims.computeIfAbsent(v.text(), k -> new LinkedHashSet<>()).add(v.claim().id());
      }
    }
    List<Figure> rows = new ArrayList<>();
    records.forEach(
        (key, ids) ->
            rows.add(
                new Figure(
                    key,
                    ids.size(),
                    new ArrayList<>(Optional.ofNullable(claims.get(key)).orElse(Set.of())))));
    rows.sort(Comparator.comparingLong(Figure::count).reversed().thenComparing(Figure::key));
    return new Table(name, rows);
  }
}
