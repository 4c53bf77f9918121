package org.vigil.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.core.Checks;

/**
 * One entry of a controlled vocabulary.
 *
 * @param code the stable code stored in records and exports, e.g. {@code persuasion_to_return}
 * @param labels language tag ({@code en}, {@code zh-Hans}, {@code zh-Hant}) to label
 */
public record Term(String code, Map<String, String> labels) {
  public Term {
    Checks.notBlank(code, "code");
    Checks.check(labels.containsKey("en"), "term '" + code + "' needs an English label");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** The label in {@code language}, English when there is none in that language. */
  public String label(String language) {
    return Labels.pick(labels, language);
  }
}
