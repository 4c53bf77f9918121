package org.vigil.export;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.PropertyType;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;
import org.vigil.schema.SourceSpan;

/**
 * Applies a {@link ReleasePolicy} to a {@link Snapshot}: a pure function from the full record to
 * what may be published. In order:
 *
 * <ol>
 *   <li><b>Guard</b>: records whose type is sealed, unknown to the schema, or names testimony, a
 *       witness or a pseudonym are dropped, and so are claims whose predicate the schema marks
 *       sensitive, does not declare for the type, or that names one of those; then the policy's
 *       record types and dropped properties.
 *   <li><b>Statuses</b>: claims whose status the policy does not publish are dropped; citations of
 *       excluded publishers are dropped, and claims left without any citation with them.
 *   <li>Records left without claims are dropped, and claims pointing at a dropped record (to a
 *       fixed point), so nothing is published that only rested on what was removed.
 *   <li><b>Coarsening</b>: incident (and response) dates lose their day or month; incident places
 *       become their city (at the gazetteer's coordinates) or their country (no point). A place
 *       only incidents pointed at is dropped when they move to the country. Every quote on a
 *       coarsened incident is withheld: the sentence that states a tactic usually states when and
 *       where.
 *   <li><b>Sweep</b>: every removed value (day and month dates in ISO, English and Chinese forms,
 *       coordinates, city names, values of removed claims) is searched for in every text that
 *       remains: quotes containing one are withheld, labels rebuilt, claim values dropped, and
 *       source titles, publishers, URLs and publication dates blanked. Sources cited by a coarsened
 *       incident lose their publication date, which would otherwise bound the incident's.
 * </ol>
 *
 * A withheld quote is a span with empty text at 0..0: which source said it stays known.
 */
public final class Redactor {
  /** Words that mark something as testimony-related: never published, whatever the schema says. */
  static final List<String> WITNESS_WORDS = List.of("testimon", "witness", "pseudonym");

  private static final Set<PropertyType> VALUE_TYPES =
      Set.of(PropertyType.TEXT, PropertyType.QUANTITY, PropertyType.DATE, PropertyType.GEO);

  /** Where a city is, from a gazetteer: latitude and longitude, empty when unknown. */
  @FunctionalInterface
  public interface CityLocator {
    Optional<double[]> locate(String name, @Nullable String country);

    /** Knows no city: places coarsened to their city lose their point. */
    CityLocator NONE = (name, country) -> Optional.empty();
  }

  private final Schema schema;
  private final ReleasePolicy policy;
  private final CityLocator cities;
  private final Map<String, Rec> records = new LinkedHashMap<>();
  private final Map<String, Snapshot.Source> sources = new LinkedHashMap<>();

  /** Removed values that may be published after all if something else still states them. */
  private final Set<String> removedValues = new LinkedHashSet<>();

  /** Removed dates and coordinates: never published. */
  private final Set<String> removedLiterals = new LinkedHashSet<>();

  /** Sources cited by a coarsened record: their publication date would bound its date. */
  private final Set<String> undated = new HashSet<>();

  /** Claims whose date the policy has just coarsened. */
  private final Set<String> coarseDates = new HashSet<>();

  private Redactor(Snapshot s, ReleasePolicy policy, CityLocator cities) {
    this.schema = Schema.standard();
    this.policy = policy;
    this.cities = cities;
    s.records().forEach(r -> records.put(r.id(), new Rec(r)));
    s.sources().forEach(src -> sources.put(src.id(), src));
  }

  /** The snapshot as {@code policy} lets it be published, with no gazetteer for city points. */
  public static Snapshot apply(Snapshot snapshot, ReleasePolicy policy) {
    return apply(snapshot, policy, CityLocator.NONE);
  }

  /** The snapshot as {@code policy} lets it be published; never modifies {@code snapshot}. */
  public static Snapshot apply(Snapshot snapshot, ReleasePolicy policy, CityLocator cities) {
    return new Redactor(snapshot, policy, cities).run();
  }

  /** Whether a type or predicate name refers to testimony, witnesses or pseudonyms. */
  static boolean namesWitness(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return WITNESS_WORDS.stream().anyMatch(n::contains);
  }

  private Snapshot run() {
    guardAndFilter();
    prune();
    coarsen();
    prune();
    sweep();
    prune();
    return build();
  }

  // ---- 1, 2: guard, policy filters -----------------------------------------------------------

  private void guardAndFilter() {
    for (Rec r : List.copyOf(records.values())) {
      Optional<RecordType> type = schema.findType(r.type);
      if (type.isEmpty()
          || type.get().sealed()
          || r.type.equals("claim")
          || namesWitness(r.type)
          || !policy.recordTypes().contains(r.type)) {
        records.remove(r.id);
        continue;
      }
      List<Snapshot.Claim> kept = new ArrayList<>();
      for (Snapshot.Claim c : r.claims) {
        Optional<PropertySpec> p = type.get().property(c.predicate());
        boolean keep =
            p.isPresent()
                && !p.get().sensitive()
                && !namesWitness(c.predicate())
                && !policy.drops(r.type, c.predicate())
                && policy.statuses().contains(c.status());
        if (keep) {
          List<SourceSpan> spans =
              c.spans().stream().filter(sp -> !excludedSource(sp.sourceId())).toList();
          if (spans.isEmpty() && !c.spans().isEmpty()) {
            keep = false;
          } else {
            c = withSpans(c, spans);
          }
        }
        if (keep) {
          kept.add(c);
        } else if (c.value() != null
            && (p.isEmpty() || VALUE_TYPES.contains(p.get().type()) || p.get().sensitive())) {
          removedValues.add(c.value());
          if (p.isPresent() && p.get().type() == PropertyType.QUANTITY) {
            // "at_least 7777 people": a source writes the number, not the qualifier code
            String[] parts = c.value().split(" ");
            if (parts.length > 1 && parts[1].length() >= 3) {
              removedValues.add(parts[1]);
            }
          }
        }
      }
      r.claims = kept;
    }
  }

  private boolean excludedSource(String sourceId) {
    Snapshot.Source s = sources.get(sourceId);
    return s != null
        && s.publisher() != null
        && policy.excludePublishers().contains(s.publisher().toLowerCase(Locale.ROOT));
  }

  /** Drops records without claims and claims pointing at absent records, to a fixed point. */
  private void prune() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Rec r : List.copyOf(records.values())) {
        int before = r.claims.size();
        r.claims =
            new ArrayList<>(
                r.claims.stream()
                    .filter(c -> c.objectId() == null || records.containsKey(c.objectId()))
                    .toList());
        changed |= r.claims.size() != before;
        if (r.claims.isEmpty()) {
          records.remove(r.id);
          changed = true;
        }
      }
    }
  }

  // ---- 3: coarsening -------------------------------------------------------------------------

  private void coarsen() {
    Set<String> cityPlaces = new LinkedHashSet<>();
    Set<String> movedAway = new LinkedHashSet<>();
    for (Rec r : List.copyOf(records.values())) {
      if (!r.type.equals("incident") && !r.type.equals("response")) {
        continue;
      }
      RecordType type = schema.type(r.type);
      boolean changed = false;
      List<Snapshot.Claim> out = new ArrayList<>();
      for (Snapshot.Claim c : r.claims) {
        boolean isDate =
            type.property(c.predicate()).map(p -> p.type() == PropertyType.DATE).orElse(false);
        if (isDate && c.value() != null) {
          Optional<String> coarse = coarsenDate(c.value());
          if (coarse.isEmpty()) {
            removedLiterals.add(c.value());
            changed = true;
            continue;
          }
          if (!coarse.get().equals(c.value())) {
            changed = true;
            c = withValue(c, coarse.get());
          }
          coarseDates.add(c.id());
        } else if (r.type.equals("incident")
            && c.predicate().equals("place")
            && c.objectId() != null
            && policy.incidentPlace() != ReleasePolicy.PlacePrecision.EXACT) {
          Rec place = records.get(c.objectId());
          String kind = place == null ? null : place.first("kind");
          boolean coarseEnough =
              "country".equals(kind)
                  || ("region".equals(kind)
                      && policy.incidentPlace() == ReleasePolicy.PlacePrecision.CITY);
          if (place != null && !coarseEnough) {
            if (policy.incidentPlace() == ReleasePolicy.PlacePrecision.CITY) {
              cityPlaces.add(place.id);
              changed |= place.first("geo") != null;
            } else {
              movedAway.add(place.id);
              changed = true;
              String country = place.first("country");
              if (country == null) {
                continue; // the place says no more than the city: nothing left to publish
              }
              c = withObject(c, countryPlace(country, c).id);
            }
          }
        }
        out.add(c);
      }
      r.claims = out;
      if (changed) {
        r.coarsened = true;
        r.claims.forEach(c -> c.spans().forEach(sp -> undated.add(sp.sourceId())));
        r.claims = new ArrayList<>(r.claims.stream().map(Redactor::withheld).toList());
      }
    }
    for (String id : cityPlaces) {
      Rec p = records.get(id);
      // the words that name an incident's place may be finer than the city (a street, a flat)
      p.claims = new ArrayList<>(p.claims.stream().map(Redactor::withheld).toList());
      String geo = p.first("geo");
      if (geo != null) {
        addCoordinates(geo, p);
        p.claims =
            new ArrayList<>(p.claims.stream().filter(c -> !c.predicate().equals("geo")).toList());
        String name = p.first("name");
        Optional<double[]> city = cities.locate(name == null ? p.label : name, p.first("country"));
        p.lat = city.map(ll -> ll[0]).orElse(null);
        p.lon = city.map(ll -> ll[1]).orElse(null);
      }
    }
    Set<String> referenced = new HashSet<>();
    records.values().forEach(r -> r.claims.forEach(c -> referenced.add(c.objectId())));
    for (String id : movedAway) {
      Rec p = records.get(id);
      if (p == null || referenced.contains(id)) {
        continue; // a station or organisation still places itself there: the place stays
      }
      records.remove(id);
      removedValues.add(p.label);
      p.claims.stream()
          .filter(c -> c.predicate().equals("name") && c.value() != null)
          .forEach(c -> removedValues.add(c.value()));
      String geo = p.first("geo");
      if (geo != null) {
        addCoordinates(geo, p);
      }
      if (p.lat != null && p.lon != null) {
        removedLiterals.add(p.lat.toString());
        removedLiterals.add(p.lon.toString());
      }
    }
    for (Rec r : records.values()) {
      if (r.coarsened && r.type.equals("incident")) {
        r.label = incidentLabel(r);
      }
    }
  }

  private void addCoordinates(String geo, Rec p) {
    removedLiterals.add(geo);
    for (String part : geo.split(",")) {
      if (part.strip().length() >= 3) {
        removedLiterals.add(part.strip());
      }
    }
    if (p.lat != null && p.lon != null) {
      removedLiterals.add(p.lat.toString());
      removedLiterals.add(p.lon.toString());
    }
  }

  /** The country-level place incidents are moved to, made once per country. */
  private Rec countryPlace(String country, Snapshot.Claim from) {
    String cc = country.toUpperCase(Locale.ROOT);
    String id = "place:country-" + cc.toLowerCase(Locale.ROOT);
    Rec existing = records.get(id);
    if (existing != null) {
      return existing;
    }
    String name = new Locale("", cc).getDisplayCountry(Locale.ENGLISH);
    Snapshot.Record r =
        new Snapshot.Record(
            id,
            "place",
            name.isBlank() ? cc : name,
            "active",
            null,
            null,
            List.of(
                derived(id + "/kind", "kind", "country", from),
                derived(id + "/country", "country", cc, from)));
    Rec rec = new Rec(r);
    records.put(id, rec);
    return rec;
  }

  private static Snapshot.Claim derived(
      String id, String predicate, String value, Snapshot.Claim from) {
    return new Snapshot.Claim(
        id,
        predicate,
        value,
        null,
        from.status(),
        from.documents(),
        from.origins(),
        List.of(),
        List.of());
  }

  private String incidentLabel(Rec r) {
    List<String> tactics = new ArrayList<>();
    for (Snapshot.Claim c : r.claims) {
      if (c.predicate().equals("tactic") && c.value() != null) {
        tactics.add(
            schema.vocabulary("tactic").terms().stream()
                .filter(t -> t.code().equals(c.value()))
                .map(t -> t.label("en"))
                .findFirst()
                .orElse(c.value()));
      }
    }
    String label = tactics.isEmpty() ? "Incident" : String.join(", ", tactics);
    for (Snapshot.Claim c : r.claims) {
      if (c.predicate().equals("place")
          && c.objectId() != null
          && records.containsKey(c.objectId())) {
        return label + " in " + records.get(c.objectId()).label;
      }
    }
    return label;
  }

  /**
   * The date at the policy's precision: {@code 2022-09-12} → {@code 2022-09} or {@code 2022}; a
   * range widened to whole months or years. Records the forms that are no longer published. Empty
   * when the value is not a date Vigil writes.
   */
  Optional<String> coarsenDate(String value) {
    ReleasePolicy.DatePrecisionLimit limit = policy.incidentDate();
    if (limit == ReleasePolicy.DatePrecisionLimit.DAY) {
      return Optional.of(value);
    }
    boolean year = limit == ReleasePolicy.DatePrecisionLimit.YEAR;
    try {
      if (value.contains("/")) {
        String[] ends = value.split("/", 2);
        LocalDate a = LocalDate.parse(ends[0]);
        LocalDate b = LocalDate.parse(ends[1]);
        LocalDate a2 = year ? a.withDayOfYear(1) : a.withDayOfMonth(1);
        LocalDate b2 =
            year ? b.withDayOfYear(b.lengthOfYear()) : b.withDayOfMonth(b.lengthOfMonth());
        for (LocalDate d : List.of(a, b)) {
          if (!d.equals(a2) && !d.equals(b2)) {
            removedLiterals.addAll(dayForms(d));
          }
          if (year) {
            removedLiterals.addAll(monthForms(YearMonth.from(d)));
          }
        }
        if (year && a2.getYear() == b2.getYear()) {
          return Optional.of(String.valueOf(a2.getYear()));
        }
        if (!year && YearMonth.from(a2).equals(YearMonth.from(b2))) {
          return Optional.of(YearMonth.from(a2).toString());
        }
        return Optional.of(a2 + "/" + b2);
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(value);
        removedLiterals.addAll(dayForms(d));
        if (year) {
          removedLiterals.addAll(monthForms(YearMonth.from(d)));
          return Optional.of(String.valueOf(d.getYear()));
        }
        return Optional.of(YearMonth.from(d).toString());
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        YearMonth m = YearMonth.parse(value);
        if (year) {
          removedLiterals.addAll(monthForms(m));
          return Optional.of(String.valueOf(m.getYear()));
        }
        return Optional.of(value);
      }
      if (value.matches("\\d{4}")) {
        return Optional.of(value);
      }
    } catch (DateTimeParseException e) {
      // falls through: not a date Vigil writes
    }
    return Optional.empty();
  }

  /** The ways a source may write a day: ISO, English, Chinese, numeric. */
  static List<String> dayForms(LocalDate d) {
    int y = d.getYear();
    int m = d.getMonthValue();
    int day = d.getDayOfMonth();
    String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String mon = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return List.of(
        d.toString(),
        d.toString().replace("-", ""),
        y + "年" + m + "月" + day + "日",
        String.format(Locale.ROOT, "%d年%02d月%02d日", y, m, day),
        m + "月" + day + "日",
        m + "月" + day + "号",
        day + " " + month + " " + y,
        month + " " + day + ", " + y,
        month + " " + day + " " + y,
        day + " " + mon + " " + y,
        mon + " " + day + ", " + y,
        day + " " + month,
        month + " " + day,
        y + "/" + m + "/" + day,
        String.format(Locale.ROOT, "%d/%02d/%02d", y, m, day),
        String.format(Locale.ROOT, "%02d/%02d/%d", day, m, y),
        String.format(Locale.ROOT, "%02d/%02d/%d", m, day, y),
        day + "/" + m + "/" + y,
        m + "/" + day + "/" + y,
        String.format(Locale.ROOT, "%02d.%02d.%d", day, m, y),
        day + "." + m + "." + y);
  }

  /** The ways a source may write a month. */
  static List<String> monthForms(YearMonth ym) {
    int y = ym.getYear();
    int m = ym.getMonthValue();
    String month = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String mon = ym.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return List.of(
        ym.toString(),
        y + "年" + m + "月",
        String.format(Locale.ROOT, "%d年%02d月", y, m),
        month + " " + y,
        mon + " " + y,
        String.format(Locale.ROOT, "%d/%02d", y, m),
        String.format(Locale.ROOT, "%02d/%d", m, y));
  }

  // ---- 4: sweep ------------------------------------------------------------------------------

  private void sweep() {
    Set<String> published = new HashSet<>();
    for (Rec r : records.values()) {
      // labels are not evidence: a label made from a removed name must not keep it published
      r.claims.forEach(c -> published.add(c.value() == null ? "" : fold(c.value())));
    }
    List<String> secrets = new ArrayList<>();
    for (String v : removedValues) {
      if (v.strip().length() >= 2 && !published.contains(fold(v))) {
        secrets.add(fold(v));
      }
    }
    for (String v : removedLiterals) {
      if (v.strip().length() >= 2) {
        secrets.add(fold(v));
      }
    }
    for (Rec r : records.values()) {
      List<Snapshot.Claim> out = new ArrayList<>();
      for (Snapshot.Claim c : r.claims) {
        // a date just coarsened is safe by construction ("2021-01-01/2022-12-31" holds "01/2022")
        if (c.value() != null && !coarseDates.contains(c.id()) && leaks(c.value(), secrets)) {
          continue;
        }
        List<SourceSpan> spans =
            c.spans().stream()
                .map(
                    sp -> !policy.includeQuotes() || leaks(sp.quote(), secrets) ? withheld(sp) : sp)
                .toList();
        List<String> attribution =
            c.attribution().stream().map(a -> leaks(a, secrets) ? "(withheld)" : a).toList();
        out.add(
            new Snapshot.Claim(
                c.id(),
                c.predicate(),
                c.value(),
                c.objectId(),
                c.status(),
                c.documents(),
                c.origins(),
                spans,
                attribution));
      }
      r.claims = out;
    }
    // incidents last: their label is built from their place's
    for (Rec r : records.values()) {
      if (!r.type.equals("incident") && leaks(r.label, secrets)) {
        r.label = safeLabel(r, secrets);
      }
    }
    for (Rec r : records.values()) {
      if (r.type.equals("incident") && leaks(r.label, secrets)) {
        r.label = incidentLabel(r);
      }
    }
    for (Snapshot.Source s : List.copyOf(sources.values())) {
      String url = policy.includeSourceUrls() ? s.url() : null;
      sources.put(
          s.id(),
          new Snapshot.Source(
              s.id(),
              blank(s.title(), secrets),
              blank(s.publisher(), secrets),
              s.published() != null
                      && (undated.contains(s.id()) || leaks(s.published().toString(), secrets))
                  ? null
                  : s.published(),
              blank(url, secrets),
              s.sha256()));
    }
  }

  private String safeLabel(Rec r, List<String> secrets) {
    for (Snapshot.Claim c : r.claims) {
      if (c.predicate().equals("name") && c.value() != null && !leaks(c.value(), secrets)) {
        return c.value();
      }
    }
    return schema.type(r.type).label("en") + " " + r.id;
  }

  private static @Nullable String blank(@Nullable String s, List<String> secrets) {
    return s == null || leaks(s, secrets) ? null : s;
  }

  private static boolean leaks(String text, List<String> secrets) {
    String t = fold(text);
    for (String s : secrets) {
      if (t.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  // ---- result --------------------------------------------------------------------------------

  private Snapshot build() {
    List<Snapshot.Record> out = new ArrayList<>();
    Set<String> cited = new HashSet<>();
    for (Rec r : records.values()) {
      out.add(new Snapshot.Record(r.id, r.type, r.label, r.status, r.lat, r.lon, r.claims));
      r.claims.forEach(c -> c.spans().forEach(sp -> cited.add(sp.sourceId())));
    }
    List<Snapshot.Source> srcs =
        sources.values().stream().filter(s -> cited.contains(s.id())).toList();
    return new Snapshot(out, srcs);
  }

  private static Snapshot.Claim withSpans(Snapshot.Claim c, List<SourceSpan> spans) {
    return new Snapshot.Claim(
        c.id(),
        c.predicate(),
        c.value(),
        c.objectId(),
        c.status(),
        c.documents(),
        c.origins(),
        spans,
        c.attribution());
  }

  private static Snapshot.Claim withValue(Snapshot.Claim c, String value) {
    return new Snapshot.Claim(
        c.id(),
        c.predicate(),
        value,
        c.objectId(),
        c.status(),
        c.documents(),
        c.origins(),
        c.spans(),
        c.attribution());
  }

  private static Snapshot.Claim withObject(Snapshot.Claim c, String objectId) {
    return new Snapshot.Claim(
        c.id(),
        c.predicate(),
        c.value(),
        objectId,
        c.status(),
        c.documents(),
        c.origins(),
        c.spans(),
        c.attribution());
  }

  private static Snapshot.Claim withheld(Snapshot.Claim c) {
    return withSpans(c, c.spans().stream().map(Redactor::withheld).toList());
  }

  private static SourceSpan withheld(SourceSpan sp) {
    return new SourceSpan(sp.sourceId(), 0, 0, "");
  }

  /** A record being redacted. */
  private static final class Rec {
    final String id;
    final String type;
    final String status;
    String label;
    @Nullable Double lat;
    @Nullable Double lon;
    List<Snapshot.Claim> claims;
    boolean coarsened;

    Rec(Snapshot.Record r) {
      id = r.id();
      type = r.type();
      status = r.status();
      label = r.label();
      lat = r.lat();
      lon = r.lon();
      claims = new ArrayList<>(r.claims());
    }

    @Nullable String first(String predicate) {
      for (Snapshot.Claim c : claims) {
        if (c.predicate().equals(predicate) && c.value() != null) {
          return c.value();
        }
      }
      return null;
    }
  }
}
