package org.vigil.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * One line of an annotated development set ({@code gold.jsonl}): a document and the facts a careful
 * annotator found in it. The annotation rules live in {@code src/test/resources/devset/
 * GUIDELINES.md}; field names mirror the {@link org.vigil.schema.Proposal} field keys so gold and
 * predictions compare field by field.
 *
 * <p>Absent lists read as empty, so a negative document can omit what it does not have; unknown
 * JSON keys are an error when reading (a misspelt key would otherwise silently drop annotations).
 *
 * @param doc file name, relative to the gold file's folder
 * @param language BCP 47 tag as extraction reports it: {@code en}, {@code zh-Hans}, {@code zh-Hant}
 * @param published publication date, used to resolve relative dates; may be absent
 * @param negative a document that shares the vocabulary but reports no overseas station
 */
public record GoldDocument(
    String doc,
    String language,
    @Nullable LocalDate published,
    @JsonProperty("source_kind") String sourceKind,
    List<Station> stations,
    List<Place> places,
    List<QuantityItem> quantities,
    List<DateItem> dates,
    List<Attribution> attributions,
    List<Organization> organizations,
    List<Incident> incidents,
    boolean negative) {
  public GoldDocument {
    Checks.notBlank(doc, "doc");
    Checks.notBlank(language, "language");
    sourceKind = sourceKind == null ? "news_article" : sourceKind;
    stations = orEmpty(stations);
    places = orEmpty(places);
    quantities = orEmpty(quantities);
    dates = orEmpty(dates);
    attributions = orEmpty(attributions);
    organizations = orEmpty(organizations);
    incidents = orEmpty(incidents);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** One overseas station per distinct host city; agency and host are recorded, not scored. */
  public record Station(
      String city, String country, @Nullable String agency, @Nullable String host) {
    public Station {
      Checks.notBlank(city, "city");
      Checks.notBlank(country, "country");
      agency = orEmpty(agency);
      host = orEmpty(host);
    }
  }

  /** A country ({@code city} empty) or a city with its country. */
  public record Place(String country, @Nullable String city) {
    public Place {
      Checks.notBlank(country, "country");
      city = orEmpty(city);
    }
  }

  /** Value is a plain decimal ("230000"); period is ISO as FuzzyDate.iso() writes it, or empty. */
  public record QuantityItem(String value, String unit, String qualifier, @Nullable String period) {
    public QuantityItem {
      Checks.notBlank(value, "value");
      Checks.notBlank(unit, "unit");
      Checks.notBlank(qualifier, "qualifier");
      period = orEmpty(period);
    }
  }

  /** ISO date as FuzzyDate.iso() writes it, with its precision code. */
  public record DateItem(String date, String precision) {
    public DateItem {
      Checks.notNull(date, "date");
      Checks.notBlank(precision, "precision");
    }
  }

  /**
   * Origin first, the document's own outlet excluded. An element may list alternative spellings
   * separated by {@code " | "} (a Chinese surface name and the body's English name).
   */
  public record Attribution(List<String> chain, @Nullable String verb) {
    public Attribution {
      Checks.check(chain != null && !chain.isEmpty(), "attribution chain must not be empty");
      chain = List.copyOf(chain);
      verb = orEmpty(verb);
    }
  }

  /** A named body; a prediction matches on either name. */
  public record Organization(
      String name, @Nullable String nameZh, String orgKind, @Nullable String country) {
    public Organization {
      Checks.notBlank(name, "name");
      Checks.notBlank(orgKind, "orgKind");
      nameZh = orEmpty(nameZh);
      country = orEmpty(country);
    }
  }

  /** Tactic code and the country where the targeted person is (empty when the text is silent). */
  public record Incident(
      String tactic,
      @Nullable String target,
      @Nullable String place,
      @Nullable String country,
      @Nullable String date) {
    public Incident {
      Checks.notBlank(tactic, "tactic");
      target = orEmpty(target);
      place = orEmpty(place);
      country = orEmpty(country);
      date = orEmpty(date);
    }
  }
}
