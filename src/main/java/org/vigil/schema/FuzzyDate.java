package org.vigil.schema;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * A date or period as precisely as a source states it: "12 September 2022" is a DAY with start =
 * end; "September 2022" a MONTH from the 1st to the 30th; "2022" a YEAR; "between April 2021 and
 * July 2022" a RANGE from 2021-04-01 to 2022-07-31. Both ends are absent only for UNKNOWN.
 */
public record FuzzyDate(
    @Nullable LocalDate start, @Nullable LocalDate end, DatePrecision precision) {
  public FuzzyDate {
    Checks.notNull(precision, "precision");
    if (precision != DatePrecision.UNKNOWN) {
      Checks.notNull(start, "start");
      Checks.notNull(end, "end");
      Checks.check(!end.isBefore(start), "end must not be before start: " + start + " > " + end);
    }
  }

  public static FuzzyDate day(LocalDate d) {
    return new FuzzyDate(d, d, DatePrecision.DAY);
  }

  public static FuzzyDate month(int year, int month) {
    LocalDate first = LocalDate.of(year, month, 1);
    return new FuzzyDate(first, first.withDayOfMonth(first.lengthOfMonth()), DatePrecision.MONTH);
  }

  public static FuzzyDate year(int year) {
    return new FuzzyDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
  }

  public static FuzzyDate range(LocalDate start, LocalDate end) {
    return new FuzzyDate(start, end, DatePrecision.RANGE);
  }

  /** ISO form: {@code 2022-09-12}, {@code 2022-09}, {@code 2022}, {@code 2021-04-01/2022-07-31}. */
  public String iso() {
    if (start == null || end == null) {
      return "";
    }
    return switch (precision) {
      case DAY -> start.toString();
      case MONTH -> start.toString().substring(0, 7);
      case YEAR -> String.valueOf(start.getYear());
      case RANGE -> start + "/" + end;
      case UNKNOWN -> "";
    };
  }
}
