package org.vigil.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Proposal;
import org.vigil.schema.Qualifier;
import org.vigil.schema.Quantity;

/** Reads typed values out of a proposal's string fields, naming the field when one is bad. */
final class Values {
  private Values() {}

  /** {@code 2022-09-12}, {@code 2022-09}, {@code 2022} or {@code 2021-04-01/2022-07-31}. */
  static FuzzyDate date(String field, String iso) {
    try {
      String s = iso.trim();
      if (s.contains("/")) {
        String[] ends = s.split("/", 2);
        return FuzzyDate.range(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
      }
      if (s.matches("\\d{4}")) {
        return FuzzyDate.year(Integer.parseInt(s));
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        return FuzzyDate.month(
            Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)));
      }
      return FuzzyDate.day(LocalDate.parse(s));
    } catch (RuntimeException e) {
      throw VigilException.invalid(
          field, "'" + iso + "' is not an ISO date, month, year or start/end range");
    }
  }

  static @Nullable FuzzyDate optionalDate(String field, String iso) {
    return iso.isBlank() ? null : date(field, iso);
  }

  static Quantity quantity(Proposal p) {
    BigDecimal value;
    try {
      value = new BigDecimal(p.first("value").trim());
    } catch (NumberFormatException e) {
      throw VigilException.invalid("value", "'" + p.first("value") + "' is not a plain number");
    }
    String unit = p.first("unit").isBlank() ? "item" : p.first("unit");
    String q = p.first("qualifier");
    Qualifier qualifier;
    try {
      qualifier = q.isBlank() ? Qualifier.EXACT : Qualifier.valueOf(q.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw VigilException.invalid("qualifier", "unknown qualifier '" + q + "'");
    }
    return new Quantity(value, unit, qualifier, optionalDate("period", p.first("period")));
  }
}
