package org.vigil.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.FuzzyDate;

/**
 * Finds dates and periods in English and Chinese text: absolute ones ("12 September 2022",
 * "2022年9月"), ranges ("between April 2021 and July 2022", "2021年4月至2022年7月间") and relative ones
 * ("last October", "去年10月", "on Tuesday") resolved against a reference date, the source's
 * publication. Without a reference, relative expressions are not reported: a guessed year is worse
 * than none.
 *
 * <p>Each pattern is a flat regex (no nested unbounded quantifiers) run once over the text; simple
 * dates are found first and joined into ranges by looking at the few characters between them, which
 * keeps the work linear in the text length.
 */
final class TemporalParser {
  /** One date or period found at {@code [start, end)} of the text. */
  record Found(int start, int end, FuzzyDate date, boolean relative) {}

  private enum Kind {
    ABSOLUTE,
    BARE_YEAR, // "2022" alone: a year only in context ("in 2022", "from 2021 to 2023")
    NEEDS_YEAR, // "April", "4月": only inside a range that supplies the year
    RELATIVE
  }

  private record Cand(
      int start, int end, @Nullable FuzzyDate date, Kind kind, int month, int day, int monthAt) {}

  // Only an abbreviation takes a full stop: in "last September." the stop ends the sentence.
  private static final String MONTH =
      "((?:january|february|march|april|may|june|july|august|september|october|november"
          + "|december)(?![a-z])|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\\.?)";
  private static final String CN_SMALL = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
  private static final int CI = Pattern.CASE_INSENSITIVE;

  private static final Pattern ISO =
      Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])");
  private static final Pattern DMY =
      Pattern.compile(
          "(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+((?:19|20)\\d{2})(?!\\d)",
          CI);
  private static final Pattern MDY =
      Pattern.compile(
          "(?<![a-z])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)",
          CI);
  private static final Pattern MY =
      Pattern.compile("(?<![a-z])" + MONTH + ",?\\s+(?:of\\s+)?((?:19|20)\\d{2})(?!\\d)", CI);
  private static final Pattern M = Pattern.compile("(?<![a-z])" + MONTH, CI);

  /** "1 March" with no year: resolved against the publication date like a bare month. */
  private static final Pattern DM =
      Pattern.compile("(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH, CI);

  /** "1990年代", "the 1990s": a decade. */
  private static final Pattern DECADE =
      Pattern.compile("(?<![\\d])((?:19|20)\\d)0(?:\\s*年代|['’]?s\\b)");

  private static final Pattern YEAR =
      Pattern.compile(
          "(?<![\\d.,$£€#/:])((?:19|20)\\d{2})(?![\\d%a-z年]|\\s*(?:percent|per cent))", CI);
  private static final Pattern CN =
      Pattern.compile(
          "(?<![\\d〇零一二三四五六七八九])(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年(?:\\s*"
              + CN_SMALL
              + "\\s*月(?:\\s*"
              + CN_SMALL
              + "\\s*[日号])?)?");
  private static final Pattern CN_MD =
      Pattern.compile(
          "(?<![\\d年〇零一二三四五六七八九十])" + CN_SMALL + "\\s*月(?:\\s*" + CN_SMALL + "\\s*[日号])?");
  private static final Pattern REL_EN =
      Pattern.compile("\\b(last|this|next|past)\\s+(year|month|week)\\b", CI);
  private static final Pattern REL_EN_MONTH =
      Pattern.compile("\\b(last|this|next)\\s+" + MONTH, CI);
  private static final Pattern WEEKDAY =
      Pattern.compile(
          "(?:\\b(last|this|on|next)\\s+)?\\b(monday|tuesday|wednesday|thursday|friday|saturday"
              + "|sunday)\\b",
          CI);
  private static final Pattern DAY_WORD =
      Pattern.compile("\\b(the day before yesterday|yesterday|today)\\b", CI);
  private static final Pattern REL_CN =
      Pattern.compile(
          "(去年|今年|前年|明年|本年)(?:\\s*" + CN_SMALL + "\\s*月(?:\\s*" + CN_SMALL + "\\s*[日号])?)?");
  private static final Pattern REL_CN_WORD =
      Pattern.compile("(上个?月|本月|这个月|下个?月|上周|上星期|上礼拜|本周|这周|下周|昨天|昨日|前天|今天|今日)");
  private static final Pattern CN_WEEKDAY = Pattern.compile("(上|本|这|下)?(?:周|星期|礼拜)([一二三四五六日天])");

  private static final Pattern CONNECTOR =
      Pattern.compile("\\s*(?:-|–|—|~|〜|to|and|until|till|through|至|到)\\s*", CI);
  private static final Pattern RANGE_LEAD =
      Pattern.compile("(?:\\b(between|from)\\s+|(从|自)\\s*)$", CI);
  private static final Pattern RANGE_TAIL = Pattern.compile("\\s*(?:期间|之间|间)");
  private static final Pattern YEAR_CONTEXT =
      Pattern.compile(
          "(?:\\b(?:in|since|by|during|until|till|from|of|for|before|after|around|throughout|early"
              + "|late|spring|summer|autumn|fall|winter)\\s+|mid-)$",
          CI);

  private TemporalParser() {}

  /** Dates and periods in raw text, by position; never throws. */
  static List<Found> find(@Nullable String text, @Nullable LocalDate reference) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    try {
      return findNormalized(TextNorm.of(text), reference, false);
    } catch (RuntimeException | StackOverflowError e) {
      // java.util.regex recurses on group repetitions; every pattern here is bounded, so this
      // is a last guard for the never-throw contract, not an expected path.
      return List.of(); // a rule missed a case: proposing nothing is safe
    }
  }

  /** The date or period {@code text} states as a whole (bare years allowed), or empty. */
  static Optional<FuzzyDate> parse(@Nullable String text, @Nullable LocalDate reference) {
    if (text == null || text.isBlank() || text.length() > 200) {
      return Optional.empty();
    }
    try {
      String norm = TextNorm.of(text);
      // a field value of just "April" is too ambiguous to date; running text is not
      for (Found f : findNormalized(norm, reference, true, false)) {
        String rest = norm.substring(0, f.start()) + " " + norm.substring(f.end());
        if (rest.codePoints().noneMatch(Character::isLetterOrDigit)
            || rest.strip().toLowerCase(Locale.ROOT).matches("(?:in|on|since|by|during)")) {
          return Optional.of(f.date());
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      // java.util.regex recurses on group repetitions; every pattern here is bounded, so this
      // is a last guard for the never-throw contract, not an expected path.
      // fall through: no date
    }
    return Optional.empty();
  }

  /** Works on {@link TextNorm} text; offsets are the same as in the raw text. */
  static List<Found> findNormalized(String t, @Nullable LocalDate ref, boolean bareYears) {
    return findNormalized(t, ref, bareYears, true);
  }

  /**
   * As above; {@code yearless} resolves "in September" and "10月26日" to the reading nearest the
   * publication date.
   */
  static List<Found> findNormalized(
      String t, @Nullable LocalDate ref, boolean bareYears, boolean yearless) {
    List<Cand> all = new ArrayList<>();
    collect(t, ref, all);
    all.sort(Comparator.comparingInt(Cand::start).thenComparing(c -> -(c.end() - c.start())));
    List<Cand> kept = new ArrayList<>();
    int reach = -1;
    for (Cand c : all) {
      if (c.start() >= reach) {
        kept.add(c);
        reach = c.end();
      }
    }
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Cand a = kept.get(i);
      if (i + 1 < kept.size()) {
        Found range = range(t, a, kept.get(i + 1));
        if (range != null) {
          out.add(range);
          i++;
          continue;
        }
      }
      if (a.kind() == Kind.NEEDS_YEAR && ref != null && yearless) {
        FuzzyDate d = nearestYear(a, ref);
        if (d != null) {
          out.add(new Found(a.start(), a.end(), d, true));
        }
        continue;
      }
      if (a.date() == null || a.kind() == Kind.NEEDS_YEAR) {
        continue;
      }
      if (a.kind() == Kind.BARE_YEAR && !bareYears && !before(t, a.start(), YEAR_CONTEXT)) {
        continue;
      }
      out.add(new Found(a.start(), a.end(), a.date(), a.kind() == Kind.RELATIVE));
    }
    return out;
  }

  private static void collect(String t, @Nullable LocalDate ref, List<Cand> out) {
    Matcher m = ISO.matcher(t);
    while (m.find()) {
      add(out, m, day(num(m.group(1)), num(m.group(3)), num(m.group(4))), Kind.ABSOLUTE);
    }
    m = DMY.matcher(t);
    while (m.find()) {
      if (capitalised(t, m.start(2))) {
        add(out, m, day(num(m.group(3)), month(m.group(2)), num(m.group(1))), Kind.ABSOLUTE);
      }
    }
    m = MDY.matcher(t);
    while (m.find()) {
      if (capitalised(t, m.start(1))) {
        add(out, m, day(num(m.group(3)), month(m.group(1)), num(m.group(2))), Kind.ABSOLUTE);
      }
    }
    m = MY.matcher(t);
    while (m.find()) {
      if (capitalised(t, m.start(1))) {
        add(out, m, monthOf(num(m.group(2)), month(m.group(1))), Kind.ABSOLUTE);
      }
    }
    m = M.matcher(t);
    while (m.find()) {
      if (capitalised(t, m.start(1))) {
        out.add(new Cand(m.start(), m.end(), null, Kind.NEEDS_YEAR, month(m.group(1)), 0, 0));
      }
    }
    m = DM.matcher(t);
    while (m.find()) {
      int d = num(m.group(1));
      if (capitalised(t, m.start(2)) && d >= 1 && d <= 31) {
        out.add(new Cand(m.start(), m.end(), null, Kind.NEEDS_YEAR, month(m.group(2)), d, 0));
      }
    }
    m = DECADE.matcher(t);
    while (m.find()) {
      int y = num(m.group(1)) * 10;
      add(
          out,
          m,
          FuzzyDate.range(LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31)),
          Kind.ABSOLUTE);
    }
    m = YEAR.matcher(t);
    while (m.find()) {
      add(out, m, FuzzyDate.year(num(m.group(1))), Kind.BARE_YEAR);
    }
    m = CN.matcher(t);
    while (m.find()) {
      int y = cnNum(m.group(1));
      add(out, m, ymd(y, m.group(2), m.group(3)), Kind.ABSOLUTE);
    }
    m = CN_MD.matcher(t);
    while (m.find()) {
      int mo = cnNum(m.group(1));
      int d = m.group(2) == null ? 0 : cnNum(m.group(2));
      if (mo >= 1 && mo <= 12) {
        out.add(new Cand(m.start(), m.end(), null, Kind.NEEDS_YEAR, mo, d, 0));
      }
    }
    if (ref == null) {
      return; // relative expressions need the publication date
    }
    relative(t, ref, out);
  }

  private static void relative(String t, LocalDate ref, List<Cand> out) {
    Matcher m = REL_EN.matcher(t);
    while (m.find()) {
      String which = m.group(1).toLowerCase(Locale.ROOT);
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      int shift = which.equals("last") ? -1 : which.equals("next") ? 1 : 0;
      FuzzyDate d =
          switch (unit) {
            case "year" ->
                which.equals("past")
                    ? FuzzyDate.range(ref.minusYears(1), ref)
                    : FuzzyDate.year(ref.getYear() + shift);
            case "month" ->
                which.equals("past")
                    ? FuzzyDate.range(ref.minusMonths(1), ref)
                    : monthOf(ref.plusMonths(shift));
            default ->
                which.equals("past") ? FuzzyDate.range(ref.minusDays(7), ref) : week(ref, shift);
          };
      add(out, m, d, Kind.RELATIVE);
    }
    m = REL_EN_MONTH.matcher(t);
    while (m.find()) {
      if (!capitalised(t, m.start(2))) {
        continue;
      }
      int mo = month(m.group(2));
      int y =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            // "last October": the most recent October strictly before the publication month
            case "last" -> mo < ref.getMonthValue() ? ref.getYear() : ref.getYear() - 1;
            case "next" -> mo > ref.getMonthValue() ? ref.getYear() : ref.getYear() + 1;
            default -> ref.getYear();
          };
      add(out, m, monthOf(y, mo), Kind.RELATIVE);
    }
    m = WEEKDAY.matcher(t);
    while (m.find()) {
      if (!capitalised(t, m.start(2))) {
        continue;
      }
      DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      LocalDate d =
          switch (which) {
            case "last" -> ref.with(TemporalAdjusters.previous(dow));
            case "next" -> ref.with(TemporalAdjusters.next(dow));
            default -> ref.with(TemporalAdjusters.previousOrSame(dow));
          };
      add(out, m, FuzzyDate.day(d), Kind.RELATIVE);
    }
    m = DAY_WORD.matcher(t);
    while (m.find()) {
      String w = m.group(1).toLowerCase(Locale.ROOT);
      int back = w.equals("today") ? 0 : w.equals("yesterday") ? 1 : 2;
      add(out, m, FuzzyDate.day(ref.minusDays(back)), Kind.RELATIVE);
    }
    m = REL_CN.matcher(t);
    while (m.find()) {
      int y =
          ref.getYear()
              + switch (m.group(1)) {
                case "去年" -> -1;
                case "前年" -> -2;
                case "明年" -> 1;
                default -> 0;
              };
      add(out, m, ymd(y, m.group(2), m.group(3)), Kind.RELATIVE);
    }
    m = REL_CN_WORD.matcher(t);
    while (m.find()) {
      String w = m.group(1);
      FuzzyDate d =
          switch (w) {
            case "上月", "上个月" -> monthOf(ref.minusMonths(1));
            case "本月", "这个月" -> monthOf(ref);
            case "下月", "下个月" -> monthOf(ref.plusMonths(1));
            case "上周", "上星期", "上礼拜" -> week(ref, -1);
            case "本周", "这周" -> week(ref, 0);
            case "下周" -> week(ref, 1);
            case "昨天", "昨日" -> FuzzyDate.day(ref.minusDays(1));
            case "前天" -> FuzzyDate.day(ref.minusDays(2));
            default -> FuzzyDate.day(ref);
          };
      add(out, m, d, Kind.RELATIVE);
    }
    m = CN_WEEKDAY.matcher(t);
    while (m.find()) {
      if (recurring(t, m.start())) {
        continue; // 每周二、周四: every Tuesday, not one date
      }
      int idx = "一二三四五六日天".indexOf(m.group(2).charAt(0));
      DayOfWeek dow = DayOfWeek.of(Math.min(idx + 1, 7));
      String which = m.group(1) == null ? "" : m.group(1);
      LocalDate monday = ref.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate d =
          switch (which) {
            case "上" -> monday.minusWeeks(1).plusDays(dow.getValue() - 1L);
            case "下" -> monday.plusWeeks(1).plusDays(dow.getValue() - 1L);
            case "本", "这" -> monday.plusDays(dow.getValue() - 1L);
            default -> ref.with(TemporalAdjusters.previousOrSame(dow));
          };
      add(out, m, FuzzyDate.day(d), Kind.RELATIVE);
    }
  }

  /** Joins {@code a} and {@code b} into a range when only a connector separates them. */
  private static @Nullable Found range(String t, Cand a, Cand b) {
    if (b.start() - a.end() > 12) {
      return null;
    }
    String between = t.substring(a.end(), b.start());
    if (!CONNECTOR.matcher(between).matches()) {
      return null;
    }
    Matcher lead = RANGE_LEAD.matcher(t.substring(Math.max(0, a.start() - 10), a.start()));
    boolean hasLead = lead.find();
    String conn = between.strip().toLowerCase(Locale.ROOT);
    if (conn.equals("and") && !(hasLead && "between".equalsIgnoreCase(lead.group(1)))) {
      return null;
    }
    if ((a.kind() == Kind.BARE_YEAR || b.kind() == Kind.BARE_YEAR)
        && conn.equals("and")
        && !hasLead) {
      return null;
    }
    FuzzyDate da = a.date();
    FuzzyDate db = b.date();
    if (a.kind() == Kind.NEEDS_YEAR && db != null && b.kind() != Kind.NEEDS_YEAR) {
      da = inYearOf(a, db.start(), true);
    } else if (b.kind() == Kind.NEEDS_YEAR && da != null && a.kind() != Kind.NEEDS_YEAR) {
      db = inYearOf(b, da.start(), false);
    }
    if (da == null || db == null || da.start() == null || db.end() == null) {
      return null;
    }
    if (db.end().isBefore(da.start())) {
      return null;
    }
    int start = hasLead ? a.start() - (lead.end() - lead.start()) : a.start();
    int end = b.end();
    Matcher tail = RANGE_TAIL.matcher(t).region(end, t.length());
    if (tail.lookingAt()) {
      end = tail.end();
    }
    return new Found(
        start,
        end,
        FuzzyDate.range(da.start(), db.end()),
        a.kind() == Kind.RELATIVE || b.kind() == Kind.RELATIVE);
  }

  /**
   * "in September", "10月26日", "1 March" with no year: news dates them relative to publication, so
   * the reading closest to the publication date wins (September in an October article is the
   * September just gone; April in a February one is the coming April).
   */
  private static @Nullable FuzzyDate nearestYear(Cand c, LocalDate ref) {
    FuzzyDate best = null;
    long bestGap = Long.MAX_VALUE;
    for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
      FuzzyDate d = c.day() > 0 ? day(y, c.month(), c.day()) : monthOf(y, c.month());
      if (d == null || d.start() == null || d.end() == null) {
        continue;
      }
      long gap =
          d.end().isBefore(ref)
              ? ChronoUnit.DAYS.between(d.end(), ref)
              : d.start().isAfter(ref) ? ChronoUnit.DAYS.between(ref, d.start()) : 0;
      if (gap < bestGap) {
        best = d;
        bestGap = gap;
      }
    }
    return best;
  }

  /** "April" in "between April and July 2022" takes its year from the other end of the range. */
  private static @Nullable FuzzyDate inYearOf(Cand c, LocalDate other, boolean isStart) {
    int y = other.getYear();
    FuzzyDate d = c.day() > 0 ? day(y, c.month(), c.day()) : monthOf(y, c.month());
    if (d == null || d.start() == null) {
      return null;
    }
    if (isStart && d.start().isAfter(other)) {
      d = c.day() > 0 ? day(y - 1, c.month(), c.day()) : monthOf(y - 1, c.month());
    } else if (!isStart && d.start().isBefore(other)) {
      d = c.day() > 0 ? day(y + 1, c.month(), c.day()) : monthOf(y + 1, c.month());
    }
    return d;
  }

  private static void add(List<Cand> out, Matcher m, @Nullable FuzzyDate d, Kind kind) {
    if (d != null) {
      out.add(new Cand(m.start(), m.end(), d, kind, 0, 0, 0));
    }
  }

  /** A weekday in a list led by 每 ("每周二、周四") recurs; it is not a date. */
  private static boolean recurring(String t, int at) {
    for (int k = at - 1; k >= 0 && k >= at - 12; k--) {
      char c = t.charAt(k);
      if (c == '每') {
        return true;
      }
      if ("、和及或周星期礼拜一二三四五六日天".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  private static boolean before(String t, int at, Pattern p) {
    return p.matcher(t.substring(Math.max(0, at - 16), at)).find();
  }

  /** Month and weekday names are capitalised in English; "may" the verb is not a month. */
  private static boolean capitalised(String t, int at) {
    return at >= 0 && at < t.length() && Character.isUpperCase(t.charAt(at));
  }

  private static @Nullable FuzzyDate ymd(int y, @Nullable String mo, @Nullable String d) {
    if (mo == null) {
      return y >= 1000 && y <= 2999 ? FuzzyDate.year(y) : null;
    }
    return d == null ? monthOf(y, cnNum(mo)) : day(y, cnNum(mo), cnNum(d));
  }

  static @Nullable FuzzyDate day(int y, int m, int d) {
    try {
      return FuzzyDate.day(LocalDate.of(y, m, d));
    } catch (DateTimeException e) {
      return null; // 2022-02-30 and the like: not a date
    }
  }

  static @Nullable FuzzyDate monthOf(int y, int m) {
    try {
      return FuzzyDate.month(y, m);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static FuzzyDate monthOf(LocalDate d) {
    return FuzzyDate.month(d.getYear(), d.getMonthValue());
  }

  /** The Monday-to-Sunday week {@code shift} weeks from the one holding {@code ref}. */
  private static FuzzyDate week(LocalDate ref, int shift) {
    LocalDate monday =
        ref.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
    return FuzzyDate.range(monday, monday.plusDays(6));
  }

  private static int num(String s) {
    return Integer.parseInt(s);
  }

  /** 12, 十二 or 二〇二二 as an int; -1 when it is none of them. */
  private static int cnNum(String s) {
    if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(s);
    }
    var v = NumberParser.chinese(s);
    return v == null ? -1 : v.intValue();
  }

  static int month(String name) {
    String m = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(m) / 3 + 1;
  }
}
