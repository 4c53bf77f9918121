package org.vigil.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates written the ways news pages write them: ISO ({@code 2023-03-03}, also as the
 * start of a timestamp), {@code March 3, 2023}, {@code 3 March 2023}, {@code 2023年3月3日}. Purely
 * numeric day/month orders other than ISO are ambiguous and ignored.
 */
final class Dates {
  private static final String MONTH =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  private static final Pattern ISO =
      Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
  private static final Pattern CJK =
      Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号號]");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+((?:19|20)\\d{2})\\b",
          Pattern.CASE_INSENSITIVE);

  private Dates() {}

  /** The first valid date in {@code s}, by position; empty when there is none. */
  static Optional<LocalDate> first(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Pattern p : new Pattern[] {ISO, CJK, MONTH_DAY_YEAR, DAY_MONTH_YEAR}) {
      Matcher m = p.matcher(s);
      while (m.find() && m.start() < bestAt) {
        LocalDate d = toDate(p, m);
        if (d != null) {
          best = d;
          bestAt = m.start();
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static LocalDate toDate(Pattern p, Matcher m) {
    try {
      if (p == MONTH_DAY_YEAR) {
        return LocalDate.of(
            Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if (p == DAY_MONTH_YEAR) {
        return LocalDate.of(
            Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
      }
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException | NumberFormatException e) {
      return null; // 2023-02-30 and the like: not a date
    }
  }

  private static int month(String name) {
    String m = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m) / 3 + 1;
  }
}
