package org.vigil.schema;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.core.Checks;
import org.vigil.core.VigilException;

/**
 * A kind of record: station, organization, place, person, incident, response, claim, testimony.
 *
 * @param properties in declaration order, which is stable: export columns and form fields follow it
 * @param sealed true for testimony: encrypted at rest, never indexed or exported
 * @param defining the properties whose claims say the record exists as what it is (a station's city
 *     and country, an organisation's name): the record's own status follows their claims' statuses;
 *     empty when every claim counts
 */
public record RecordType(
    String name,
    Map<String, String> labels,
    boolean sealed,
    List<PropertySpec> properties,
    List<String> defining) {
  public RecordType {
    Checks.notBlank(name, "name");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    properties = List.copyOf(properties);
    defining = List.copyOf(defining);
    Set<String> seen = new HashSet<>();
    for (PropertySpec p : properties) {
      Checks.check(
          seen.add(p.name()), "type '" + name + "' has duplicate property '" + p.name() + "'");
    }
    for (String d : defining) {
      Checks.check(
          seen.contains(d), "type '" + name + "' names undeclared defining property '" + d + "'");
    }
  }

  public Optional<PropertySpec> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The claim predicates this type accepts: its property names, in order. */
  public List<String> predicates() {
    return properties.stream().map(PropertySpec::name).toList();
  }

  public boolean accepts(String predicate) {
    return property(predicate).isPresent();
  }

  /**
   * The property a claim with {@code predicate} about this type sets.
   *
   * @throws VigilException {@code invalid_input} naming the predicates this type accepts
   */
  public PropertySpec requirePredicate(String predicate) {
    return property(predicate)
        .orElseThrow(
            () ->
                VigilException.invalid(
                    "predicate",
                    "a "
                        + name
                        + " has no '"
                        + predicate
                        + "'; it accepts "
                        + String.join(", ", predicates())));
  }

  public String label(String language) {
    return Labels.pick(labels, language);
  }
}
