package org.vigil.web.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.vigil.export.RecordLookup;
import org.vigil.export.Snapshot;
import org.vigil.schema.Schema;
import org.vigil.schema.Vocabulary;

/**
 * The map layers, network and timeline as plain data, computed from one snapshot. Only standing
 * claims (alleged, corroborated, confirmed) place a record or link it, like the statistics.
 */
final class Explore {
  static final Set<String> NETWORK_TYPES = Set.of("station", "organization", "place");
  private final RecordLookup lookup;
  private final Vocabulary tactics;
  private final Vocabulary responseKinds;

  Explore(Snapshot snapshot) {
    this.lookup = new RecordLookup(snapshot);
    Schema schema = Schema.standard();
    this.tactics = schema.vocabulary("tactic");
    this.responseKinds = schema.vocabulary("response_kind");
  }

  /** A GeoJSON FeatureCollection of stations and incidents with coordinates, after the filter. */
  Map<String, Object> features(MapFilter filter, String language) {
    List<Object> features = new ArrayList<>();
    for (Snapshot.Record r : lookup.snapshot().records()) {
      String layer = r.type();
      if (!layer.equals("station") && !layer.equals("incident")) {
        continue;
      }
      if (filter.layer() != null && !filter.layer().equals(layer)) {
        continue;
      }
      if (r.claims().stream().noneMatch(Snapshot.Claim::standing)) {
        continue;
      }
      Optional<double[]> at = lookup.coordinates(r);
      if (at.isEmpty()) {
        continue;
      }
      String date = lookup.first(r, layer.equals("station") ? "opened" : "date").orElse(null);
      List<String> agencies =
          texts(lookup.values(r, layer.equals("station") ? "operated_by" : "perpetrator"));
      List<String> tacticCodes = texts(lookup.values(r, "tactic"));
      if (!matches(filter, r, date, agencies, tacticCodes)) {
        continue;
      }
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("layer", layer);
      props.put("id", r.id());
      props.put("name", r.label());
      props.put("status", r.status());
      props.put("country", lookup.country(r).orElse(null));
      props.put("date", date);
      if (layer.equals("station")) {
        props.put("agency", String.join("; ", agencies));
      } else {
        props.put("tactic", String.join("; ", labels(tactics, tacticCodes, language)));
        props.put("agency", String.join("; ", agencies));
      }
      props.put("url", "/records/" + r.id());
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "Feature");
      // GeoJSON order is longitude, latitude
      f.put("geometry", Map.of("type", "Point", "coordinates", List.of(at.get()[1], at.get()[0])));
      f.put("properties", props);
      features.add(f);
    }
    Map<String, Object> fc = new LinkedHashMap<>();
    fc.put("type", "FeatureCollection");
    fc.put("features", features);
    return fc;
  }

  private static boolean matches(
      MapFilter f,
      Snapshot.Record r,
      @Nullable String date,
      List<String> agencies,
      List<String> tacticCodes) {
    if (f.status() != null && !f.status().equals(r.status())) {
      return false;
    }
    if (f.agency() != null && !agencies.contains(f.agency())) {
      return false;
    }
    if (f.tactic() != null && !tacticCodes.contains(f.tactic())) {
      return false;
    }
    if (f.hasYears()) {
      Integer year = year(date);
      if (year == null) {
        return false;
      }
      if (f.from() != null && year < f.from()) {
        return false;
      }
      if (f.to() != null && year > f.to()) {
        return false;
      }
    }
    return true;
  }

  /** What the filter form offers: agencies and statuses in use, all tactics, the year range. */
  FilterOptions options(String language) {
    Set<String> agencies = new TreeSet<>();
    Set<String> statuses = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (Snapshot.Record r : lookup.snapshot().records()) {
      if (r.type().equals("station")) {
        agencies.addAll(texts(lookup.values(r, "operated_by")));
        statuses.add(r.status());
        lookup.first(r, "opened").map(Explore::year).ifPresent(years::add);
      } else if (r.type().equals("incident")) {
        agencies.addAll(texts(lookup.values(r, "perpetrator")));
        statuses.add(r.status());
        lookup.first(r, "date").map(Explore::year).ifPresent(years::add);
      }
    }
    List<FilterOptions.Option> tacticOptions = new ArrayList<>();
    for (String code : tactics.codes()) {
      tacticOptions.add(new FilterOptions.Option(code, tactics.label(code, language)));
    }
    return new FilterOptions(
        List.copyOf(agencies),
        tacticOptions,
        List.copyOf(statuses),
        years.isEmpty() ? null : years.first(),
        years.isEmpty() ? null : years.last());
  }

  /**
   * Agencies, organisations, stations and places as nodes; every standing claim linking two of them
   * (operated by, hosted by, located in, parent, based in) as an edge.
   */
  Map<String, Object> network() {
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Snapshot.Record r : lookup.snapshot().records()) {
      if (NETWORK_TYPES.contains(r.type())
          && r.claims().stream().anyMatch(Snapshot.Claim::standing)) {
        ids.add(r.id());
      }
    }
    Set<String> linked = new LinkedHashSet<>();
    for (String id : ids) {
      Snapshot.Record r = lookup.record(id).orElseThrow();
      for (Snapshot.Claim c : r.claims()) {
        if (c.standing() && c.objectId() != null && ids.contains(c.objectId())) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("id", c.id());
          e.put("source", r.id());
          e.put("target", c.objectId());
          e.put("label", c.predicate());
          edges.add(e);
          linked.add(r.id());
          linked.add(c.objectId());
        }
      }
    }
    for (String id : ids) {
      Snapshot.Record r = lookup.record(id).orElseThrow();
      // places only matter as endpoints; an unconnected place would be noise
      if (r.type().equals("place") && !linked.contains(id)) {
        continue;
      }
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", r.id());
      n.put("label", r.label());
      n.put("kind", kind(r));
      n.put("url", "/records/" + r.id());
      nodes.add(n);
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("nodes", nodes);
    g.put("edges", edges);
    return g;
  }

  private String kind(Snapshot.Record r) {
    if (r.type().equals("organization")) {
      String k = lookup.first(r, "kind").orElse("");
      return k.contains("public_security") || k.contains("police") || k.contains("state")
          ? "agency"
          : "organization";
    }
    return r.type();
  }

  /** Dated incidents and host-state responses, oldest first. */
  List<TimelineEvent> timeline(String language) {
    List<TimelineEvent> out = new ArrayList<>();
    for (Snapshot.Record r : lookup.snapshot().records()) {
      boolean incident = r.type().equals("incident");
      if (!incident && !r.type().equals("response")) {
        continue;
      }
      Optional<String> date = lookup.first(r, "date");
      if (date.isEmpty() || year(date.get()) == null) {
        continue;
      }
      String title;
      if (incident) {
        List<String> t = labels(tactics, texts(lookup.values(r, "tactic")), language);
        title = t.isEmpty() ? r.label() : String.join(", ", t) + " · " + r.label();
      } else {
        List<String> k = labels(responseKinds, texts(lookup.values(r, "kind")), language);
        List<String> by = texts(lookup.values(r, "by"));
        title =
            (k.isEmpty() ? r.label() : String.join(", ", k))
                + (by.isEmpty() ? "" : " · " + String.join(", ", by));
      }
      out.add(
          new TimelineEvent(
              date.get(),
              precision(date.get()),
              incident ? "incident" : "response",
              title,
              "/records/" + r.id(),
              lookup.country(r).orElse(null),
              r.status()));
    }
    out.sort(Comparator.comparing(TimelineEvent::date));
    return out;
  }

  static @Nullable Integer year(@Nullable String date) {
    if (date == null
        || date.length() < 4
        || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(date.substring(0, 4));
  }

  static String precision(String date) {
    if (date.contains("/")) {
      return "period";
    }
    return switch (date.length()) {
      case 4 -> "year";
      case 7 -> "month";
      default -> "day";
    };
  }

  private static List<String> texts(List<Snapshot.Value> values) {
    return values.stream().map(Snapshot.Value::text).filter(s -> !s.isBlank()).distinct().toList();
  }

  private static List<String> labels(Vocabulary v, List<String> codes, String language) {
    return codes.stream().map(c -> v.contains(c) ? v.label(c, language) : c).toList();
  }
}
