package org.vigil.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;

/**
 * What a public release may contain, read from a JSON policy file (see {@code docs/release.md}).
 * Every field but {@code name} is optional and defaults to the more protective choice.
 *
 * @param name a name for the release, printed in its manifest
 * @param incidentPlace how precisely incident places are published
 * @param incidentDate how precisely incident (and response) dates are published
 * @param statuses the claim statuses published; other claims are left out
 * @param recordTypes the record types published
 * @param includeSourceUrls whether the URL of each cited source is published
 * @param includeQuotes whether quoted spans are published at all
 * @param excludePublishers sources from these publishers (case-insensitive) are not cited; claims
 *     left without any citation are left out
 * @param dropProperties properties never published: {@code predicate} for every type or {@code
 *     type.predicate}
 */
public record ReleasePolicy(
    String name,
    PlacePrecision incidentPlace,
    DatePrecisionLimit incidentDate,
    Set<String> statuses,
    Set<String> recordTypes,
    boolean includeSourceUrls,
    boolean includeQuotes,
    Set<String> excludePublishers,
    Set<String> dropProperties) {

  /** Claim statuses a release may publish: reviewed and standing. */
  public static final List<String> PUBLISHABLE_STATUSES =
      List.of("alleged", "corroborated", "confirmed");

  /** Fields a policy file may have. */
  static final List<String> FIELDS =
      List.of(
          "name",
          "incidentPlace",
          "incidentDate",
          "statuses",
          "recordTypes",
          "includeSourceUrls",
          "includeQuotes",
          "excludePublishers",
          "dropProperties");

  /** How precisely an incident's place is published. */
  public enum PlacePrecision {
    /** the place as recorded, with its own coordinates */
    EXACT,
    /** the city, at the gazetteer's coordinates for the city (no point when it has none) */
    CITY,
    /** the country only, with no point */
    COUNTRY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How precisely an incident's date is published. */
  public enum DatePrecisionLimit {
    DAY,
    MONTH,
    YEAR;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ReleasePolicy {
    Checks.notBlank(name, "name");
    Checks.notNull(incidentPlace, "incidentPlace");
    Checks.notNull(incidentDate, "incidentDate");
    statuses = Set.copyOf(statuses);
    recordTypes = Set.copyOf(recordTypes);
    excludePublishers = Set.copyOf(excludePublishers);
    dropProperties = Set.copyOf(dropProperties);
    Checks.check(!statuses.isEmpty(), "statuses must not be empty");
  }

  /** Record types a release may ever contain: every type of the schema that is not sealed. */
  public static List<String> publishableTypes() {
    List<String> out = new ArrayList<>();
    for (RecordType t : Schema.standard().types()) {
      if (!t.sealed() && !t.name().equals("claim") && !Redactor.namesWitness(t.name())) {
        out.add(t.name());
      }
    }
    return out;
  }

  /**
   * Reads a policy document.
   *
   * @throws VigilException {@code invalid_input} with one problem per bad field: unknown fields,
   *     values of the wrong kind, unknown codes, types or properties
   */
  public static ReleasePolicy parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw VigilException.invalid("policy", "not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw VigilException.invalid("policy", "must be a JSON object");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    root.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                problems.put(f, "unknown field; known: " + String.join(", ", FIELDS));
              }
            });
    String name = null;
    JsonNode n = root.get("name");
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      problems.put("name", "a release needs a name (a non-empty string)");
    } else {
      name = n.asText().strip();
    }
    PlacePrecision place =
        choice(root, "incidentPlace", PlacePrecision.class, PlacePrecision.COUNTRY, problems);
    DatePrecisionLimit date =
        choice(root, "incidentDate", DatePrecisionLimit.class, DatePrecisionLimit.YEAR, problems);
    Set<String> statuses =
        strings(root, "statuses", List.of("corroborated", "confirmed"), problems);
    for (String s : statuses) {
      if (!PUBLISHABLE_STATUSES.contains(s)) {
        problems.merge(
            "statuses",
            "'"
                + s
                + "' cannot be published; choose from "
                + String.join(", ", PUBLISHABLE_STATUSES),
            (a, b) -> a + "; " + b);
      }
    }
    if (root.has("statuses") && statuses.isEmpty() && !problems.containsKey("statuses")) {
      problems.put("statuses", "must name at least one status");
    }
    List<String> publishable = publishableTypes();
    Set<String> types = strings(root, "recordTypes", publishable, problems);
    for (String t : types) {
      if (!publishable.contains(t)) {
        problems.merge(
            "recordTypes",
            "'"
                + t
                + "' is not a publishable record type; choose from "
                + String.join(", ", publishable),
            (a, b) -> a + "; " + b);
      }
    }
    if (root.has("recordTypes") && types.isEmpty() && !problems.containsKey("recordTypes")) {
      problems.put("recordTypes", "must name at least one record type");
    }
    boolean urls = bool(root, "includeSourceUrls", true, problems);
    boolean quotes = bool(root, "includeQuotes", true, problems);
    Set<String> publishers = strings(root, "excludePublishers", List.of(), problems);
    Set<String> drop = strings(root, "dropProperties", List.of(), problems);
    for (String d : drop) {
      if (!knownProperty(d, publishable)) {
        problems.merge(
            "dropProperties",
            "'" + d + "' is not a property (write 'predicate' or 'type.predicate')",
            (a, b) -> a + "; " + b);
      }
    }
    if (!problems.isEmpty()) {
      StringBuilder msg = new StringBuilder("invalid release policy: ");
      problems.forEach((k, v) -> msg.append(k).append(": ").append(v).append("; "));
      throw VigilException.invalid(msg.substring(0, msg.length() - 2), problems);
    }
    Set<String> folded = new LinkedHashSet<>();
    publishers.forEach(p -> folded.add(p.toLowerCase(Locale.ROOT)));
    return new ReleasePolicy(name, place, date, statuses, types, urls, quotes, folded, drop);
  }

  /** Whether {@code predicate} of records of {@code type} is dropped by this policy. */
  boolean drops(String type, String predicate) {
    return dropProperties.contains(predicate) || dropProperties.contains(type + "." + predicate);
  }

  /** The policy as the manifest shows it. */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("incidentPlace", incidentPlace.code());
    m.put("incidentDate", incidentDate.code());
    m.put("statuses", PUBLISHABLE_STATUSES.stream().filter(statuses::contains).toList());
    m.put("recordTypes", publishableTypes().stream().filter(recordTypes::contains).toList());
    m.put("includeSourceUrls", includeSourceUrls);
    m.put("includeQuotes", includeQuotes);
    m.put("excludePublishers", excludePublishers.stream().sorted().toList());
    m.put("dropProperties", dropProperties.stream().sorted().toList());
    return m;
  }

  private static boolean knownProperty(String d, List<String> publishable) {
    int dot = d.indexOf('.');
    if (dot < 0) {
      return publishable.stream().anyMatch(t -> Schema.standard().type(t).accepts(d));
    }
    String type = d.substring(0, dot);
    return publishable.contains(type) && Schema.standard().type(type).accepts(d.substring(dot + 1));
  }

  private static <E extends Enum<E>> E choice(
      JsonNode root, String field, Class<E> type, E fallback, Map<String, String> problems) {
    JsonNode n = root.get(field);
    if (n == null) {
      return fallback;
    }
    List<String> codes = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      codes.add(e.name().toLowerCase(Locale.ROOT));
      if (n.isTextual() && e.name().toLowerCase(Locale.ROOT).equals(n.asText())) {
        return e;
      }
    }
    problems.put(field, "'" + n.asText() + "' is not one of " + String.join(", ", codes));
    return fallback;
  }

  private static boolean bool(
      JsonNode root, String field, boolean fallback, Map<String, String> problems) {
    JsonNode n = root.get(field);
    if (n == null) {
      return fallback;
    }
    if (!n.isBoolean()) {
      problems.put(field, "must be true or false");
      return fallback;
    }
    return n.asBoolean();
  }

  private static Set<String> strings(
      JsonNode root, String field, List<String> fallback, Map<String, String> problems) {
    JsonNode n = root.get(field);
    if (n == null) {
      return new LinkedHashSet<>(fallback);
    }
    Set<String> out = new LinkedHashSet<>();
    if (!n.isArray()) {
      problems.put(field, "must be a list of strings");
      return out;
    }
    for (JsonNode e : n) {
      if (!e.isTextual() || e.asText().isBlank()) {
        problems.put(field, "must be a list of non-empty strings");
        return out;
      }
      out.add(e.asText().strip());
    }
    return out;
  }
}
