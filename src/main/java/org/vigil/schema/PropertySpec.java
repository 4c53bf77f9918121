package org.vigil.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * One property of a record type; also the claim predicate of the same name.
 *
 * @param refTypes for {@link PropertyType#ENTITY}: the record types it may point at; empty
 *     otherwise
 * @param vocabulary for {@link PropertyType#VOCABULARY}: the vocabulary's name; null otherwise
 * @param multi whether a record may hold several values at once (several names, several tactics)
 * @param labels {@code en} and {@code zh} labels for forms and export headers
 * @param sensitive values that may identify a person (a pseudonymous target description): kept in
 *     the record, never in a public release
 */
public record PropertySpec(
    String name,
    PropertyType type,
    List<String> refTypes,
    @Nullable String vocabulary,
    boolean multi,
    Map<String, String> labels,
    boolean sensitive) {
  /** A property that is not sensitive. */
  public PropertySpec(
      String name,
      PropertyType type,
      List<String> refTypes,
      @Nullable String vocabulary,
      boolean multi,
      Map<String, String> labels) {
    this(name, type, refTypes, vocabulary, multi, labels, false);
  }

  public PropertySpec {
    Checks.notBlank(name, "name");
    Checks.notNull(type, "type");
    refTypes = List.copyOf(refTypes);
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    Checks.check(
        (type == PropertyType.ENTITY) == !refTypes.isEmpty(),
        "property '" + name + "': entity properties, and only they, name ref types");
    Checks.check(
        (type == PropertyType.VOCABULARY) == (vocabulary != null),
        "property '" + name + "': vocabulary properties, and only they, name a vocabulary");
  }

  /** The label in {@code language} ({@code en} or {@code zh}), English when missing. */
  public String label(String language) {
    return Labels.pick(labels, language);
  }
}
