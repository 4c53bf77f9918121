package org.vigil.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.export.Snapshot;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.GazetteerEntry;
import org.vigil.records.Claim;
import org.vigil.records.ClaimObject;
import org.vigil.records.ClaimSpan;
import org.vigil.records.ClaimStore;
import org.vigil.records.EntityRecord;
import org.vigil.records.RecordStore;
import org.vigil.records.SourceStore;
import org.vigil.review.ReviewService;
import org.vigil.review.Support;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;

/**
 * Reads the stores into the {@link Snapshot} that exports and statistics work on. Sealed record
 * types (testimony) are never included. Places without coordinates of their own get them from the
 * gazetteer by name and country, so stations placed in a city can be mapped.
 */
final class SnapshotBuilder {
  private final RecordStore records;
  private final ClaimStore claims;
  private final SourceStore sources;
  private final ReviewService review;
  private final Gazetteer gazetteer;

  SnapshotBuilder(
      RecordStore records,
      ClaimStore claims,
      SourceStore sources,
      ReviewService review,
      Gazetteer gazetteer) {
    this.records = records;
    this.claims = claims;
    this.sources = sources;
    this.review = review;
    this.gazetteer = gazetteer;
  }

  Snapshot build() {
    List<Snapshot.Record> out = new ArrayList<>();
    Set<String> sourceIds = new LinkedHashSet<>();
    for (RecordType type : Schema.standard().types()) {
      if (type.sealed() || type.name().equals("claim")) {
        continue;
      }
      for (EntityRecord stored : records.list(type.name())) {
        EntityRecord e = review.withDerivedStatus(stored);
        List<Snapshot.Claim> cs = new ArrayList<>();
        Double lat = null;
        Double lon = null;
        String name = null;
        String country = null;
        for (Claim c : claims.about(e.id())) {
          List<ClaimSpan> spans = claims.spans(c.id());
          spans.forEach(s -> sourceIds.add(s.span().sourceId()));
          Support support = review.support(c.id());
          String value = value(c.object());
          String object =
              c.object() instanceof ClaimObject.Ref r ? records.resolve(r.entityId()) : null;
          cs.add(
              new Snapshot.Claim(
                  c.id(),
                  c.predicate(),
                  value,
                  object,
                  c.status().code(),
                  support.documents(),
                  support.origins(),
                  spans.stream().map(ClaimSpan::span).toList(),
                  spans.isEmpty() ? List.of() : spans.get(0).attribution()));
          if (c.predicate().equals("geo") && value != null && value.contains(",")) {
            String[] ll = value.split(",");
            lat = parse(ll[0]);
            lon = parse(ll[1]);
          } else if (c.predicate().equals("name") && name == null) {
            name = value;
          } else if (c.predicate().equals("country")) {
            country = value;
          }
        }
        if (type.name().equals("place") && (lat == null || lon == null) && name != null) {
          Optional<GazetteerEntry> city = cityNamed(name, country);
          if (city.isPresent()) {
            lat = city.get().lat();
            lon = city.get().lon();
          }
        }
        out.add(new Snapshot.Record(e.id(), e.type(), e.label(), e.status().code(), lat, lon, cs));
      }
    }
    List<Snapshot.Source> srcs = new ArrayList<>();
    for (String id : sourceIds) {
      sources
          .find(id)
          .ifPresent(
              s -> {
                String url = s.metadata().canonicalUrl();
                if (url == null) {
                  url =
                      sources.captures(id).stream()
                          .filter(k -> k.http() != null)
                          .map(k -> k.http().finalUrl())
                          .findFirst()
                          .orElse(null);
                }
                srcs.add(
                    new Snapshot.Source(
                        s.id(),
                        s.metadata().title(),
                        s.metadata().publisher(),
                        s.metadata().published(),
                        url,
                        s.original().hash().hex()));
              });
    }
    return new Snapshot(out, srcs);
  }

  private Optional<GazetteerEntry> cityNamed(String name, @Nullable String country) {
    return cityNamed(gazetteer, name, country);
  }

  /** The gazetteer's city of that name (in that country, if given) that has coordinates. */
  static Optional<GazetteerEntry> cityNamed(
      Gazetteer gazetteer, String name, @Nullable String country) {
    return gazetteer.find(name).stream()
        .map(m -> m.entry())
        .filter(g -> g.kind().equals("city") && g.lat() != null && g.lon() != null)
        .filter(g -> country == null || country.equalsIgnoreCase(g.country()))
        .findFirst();
  }

  private static @Nullable Double parse(String s) {
    try {
      return Double.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static @Nullable String value(ClaimObject o) {
    return o instanceof ClaimObject.Ref ? null : o.display();
  }
}
