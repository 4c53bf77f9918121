package org.vigil.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.Checks;

/**
 * Something extraction proposes from one span of a source: never a decision, only a suggestion a
 * reviewer accepts, edits or rejects.
 *
 * <p>{@code fields} hold the normalised values, every value a list of strings (as in
 * FollowTheMoney). Keys by kind:
 *
 * <ul>
 *   <li>PLACE: {@code name}, {@code country} (ISO 3166-1 alpha-2), {@code city} (English name),
 *       {@code cityId}, {@code lat}, {@code lon}, {@code placeKind} ({@code country}|{@code city})
 *   <li>STATION: {@code city}, {@code country}, {@code agency} (English name of the operating
 *       bureau, when the text names it), {@code host} (host organisation, when named)
 *   <li>ORGANIZATION: {@code name}, {@code nameZh}, {@code orgKind} (vocabulary code), {@code
 *       country}, {@code gazetteerId} (when known)
 *   <li>QUANTITY: {@code value} (plain decimal), {@code unit}, {@code qualifier}, {@code period}
 *       (ISO, see {@link FuzzyDate#iso()}), {@code precision}
 *   <li>DATE: {@code date} (ISO), {@code precision}
 *   <li>ATTRIBUTION: {@code chain} (origin first, each relaying party after it), {@code verb}
 *   <li>INCIDENT: {@code tactic} (vocabulary code), {@code target} (a description, never a private
 *       person's name), {@code place}, {@code country}, {@code date}
 * </ul>
 *
 * @param confidence between 0 and 1: how sure the rule that made it is
 */
public record Proposal(
    ProposalKind kind, SourceSpan span, Map<String, List<String>> fields, double confidence) {
  public Proposal {
    Checks.notNull(kind, "kind");
    Checks.notNull(span, "span");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    fields = java.util.Collections.unmodifiableMap(copy);
    Checks.check(
        confidence >= 0 && confidence <= 1, "confidence must be in [0, 1], was " + confidence);
  }

  /** The first value of a field, or the empty string. */
  public String first(String field) {
    List<String> v = fields.get(field);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }
}
