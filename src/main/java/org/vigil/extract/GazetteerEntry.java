package org.vigil.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * A known place or body.
 *
 * @param id stable id: {@code country:NL}, {@code city:<geonames id>}, {@code org:<slug>}
 * @param kind {@code country}, {@code city} or an organisation kind code from the schema's
 *     vocabulary (e.g. {@code public_security_bureau})
 * @param names every name it is written as: English, simplified and traditional Chinese, variants
 *     and adjectives ("the Netherlands", "Dutch", "荷兰", "荷蘭")
 * @param country ISO 3166-1 alpha-2 of the country it is in (itself for countries)
 * @param lat latitude for cities, absent otherwise
 */
public record GazetteerEntry(
    String id,
    String kind,
    String nameEn,
    @Nullable String nameZh,
    List<String> names,
    @Nullable String country,
    @Nullable Double lat,
    @Nullable Double lon) {
  public GazetteerEntry {
    Checks.notBlank(id, "id");
    Checks.notBlank(kind, "kind");
    Checks.notBlank(nameEn, "nameEn");
    names = List.copyOf(names);
  }
}
