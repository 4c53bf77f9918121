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
 * A controlled vocabulary: codes in a fixed order, each with English and Chinese labels.
 *
 * @param name e.g. {@code tactic}, {@code organization_kind}
 */
public record Vocabulary(String name, Map<String, String> labels, List<Term> terms) {
  public Vocabulary {
    Checks.notBlank(name, "name");
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    terms = List.copyOf(terms);
    Set<String> seen = new HashSet<>();
    for (Term t : terms) {
      Checks.check(
          seen.add(t.code()), "vocabulary '" + name + "' has duplicate code '" + t.code() + "'");
    }
  }

  public Optional<Term> term(String code) {
    return terms.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public boolean contains(String code) {
    return term(code).isPresent();
  }

  /** Codes in declaration order. */
  public List<String> codes() {
    return terms.stream().map(Term::code).toList();
  }

  /**
   * The label of {@code code} in {@code language} ({@code en}, {@code zh-Hans}, {@code zh-Hant}).
   *
   * @throws VigilException {@code invalid_input} when the code is not in this vocabulary
   */
  public String label(String code, String language) {
    return term(code).orElseThrow(() -> unknown(code)).label(language);
  }

  /**
   * Checks that {@code code} belongs here.
   *
   * @throws VigilException {@code invalid_input} naming the vocabulary and its codes
   */
  public String require(String code) {
    if (!contains(code)) {
      throw unknown(code);
    }
    return code;
  }

  private VigilException unknown(String code) {
    return VigilException.invalid(
        name, "'" + code + "' is not a " + name + " code; known: " + String.join(", ", codes()));
  }
}
