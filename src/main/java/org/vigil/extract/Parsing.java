package org.vigil.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.FuzzyDate;

/**
 * The number and date readers behind the proposal extractors, for callers (and fuzzers) outside the
 * package. Both methods never throw: any input without a reading gives an empty result.
 */
public final class Parsing {
  private Parsing() {}

  /** "230,000", "1.5 million", "fifty-four", "二十三万", "2.3万" as a plain value. */
  public static Optional<BigDecimal> number(@Nullable String text) {
    return NumberParser.parse(text);
  }

  /**
   * "12 September 2022", "2022年9月", "between April 2021 and July 2022", or with a reference date
   * "last October", "去年10月": the date or period the whole text states.
   */
  public static Optional<FuzzyDate> date(@Nullable String text, @Nullable LocalDate reference) {
    return TemporalParser.parse(text, reference);
  }
}
