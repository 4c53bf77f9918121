package org.vigil.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one written number as a value: Arabic digits with thousands separators ("230,000", "230
 * 000"), with an English or Chinese scale ("1.5 million", "2.3万", "1亿"), English words
 * ("fifty-four", "two dozen"), Chinese numerals ("二十三万", "一百零二", "两千"). The approximation marks 余
 * and 多 ("十余") are dropped here; callers read them as a qualifier. Vague amounts ("dozens",
 * "hundreds") have no value.
 */
final class NumberParser {
  static final String CN_DIGIT_CHARS = "零〇一二两三四五六七八九";
  private static final String CN_UNIT_CHARS = "十百千万亿";
  private static final int MAX_LENGTH = 80;

  private static final Pattern ARABIC =
      Pattern.compile(
          "(\\d{1,3}(?:[, ']\\d{3})+|\\d+)(?:\\.(\\d+))?"
              + "(?:\\s*(million|billion|thousand|hundred|dozen|mn|bn|k)|\\s*([十百千万亿]{1,2}))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");
  private static final Pattern WORDS = Pattern.compile("[a-z]+(?:[\\s-]+[a-z]+)*");

  private static final Map<String, Integer> SMALL =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);
  private static final Map<String, Long> SCALES =
      Map.of("thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

  private NumberParser() {}

  /** The value of {@code text} read as one number, or empty; never throws. */
  static Optional<BigDecimal> parse(@Nullable String text) {
    try {
      return Optional.ofNullable(parseOrNull(text));
    } catch (RuntimeException | StackOverflowError e) {
      // java.util.regex recurses on group repetitions; every pattern here is bounded, so this
      // is a last guard for the never-throw contract, not an expected path.
      return Optional.empty(); // a parse rule missed a case: no value is the honest answer
    }
  }

  static @Nullable BigDecimal parseOrNull(@Nullable String raw) {
    if (raw == null || raw.length() > MAX_LENGTH) {
      return null;
    }
    String s = TextNorm.of(raw).strip().replace("余", "").replace("多", "").strip();
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = ARABIC.matcher(s);
    if (m.matches()) {
      return arabic(m);
    }
    if (CHINESE.matcher(s).matches()) {
      return chinese(s);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (WORDS.matcher(lower).matches()) {
      return words(lower);
    }
    return null;
  }

  private static BigDecimal arabic(Matcher m) {
    String digits = m.group(1).replaceAll("[, ']", "");
    BigDecimal v = new BigDecimal(m.group(2) == null ? digits : digits + "." + m.group(2));
    String en = m.group(3);
    if (en != null) {
      v =
          v.multiply(
              switch (en.toLowerCase(Locale.ROOT)) {
                case "million", "mn" -> BigDecimal.valueOf(1_000_000);
                case "billion", "bn" -> BigDecimal.valueOf(1_000_000_000);
                case "thousand", "k" -> BigDecimal.valueOf(1_000);
                case "hundred" -> BigDecimal.valueOf(100);
                default -> BigDecimal.valueOf(12); // dozen
              });
    }
    String cn = m.group(4);
    if (cn != null) {
      for (int i = 0; i < cn.length(); i++) {
        v = v.multiply(BigDecimal.valueOf(unit(cn.charAt(i))));
      }
    }
    return clean(v);
  }

  /** Chinese numerals in the usual positional-with-units form, or a plain digit string (二〇二二). */
  static @Nullable BigDecimal chinese(String s) {
    boolean hasUnit = false;
    for (int i = 0; i < s.length(); i++) {
      hasUnit |= CN_UNIT_CHARS.indexOf(s.charAt(i)) >= 0;
    }
    if (!hasUnit) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        b.append(digit(s.charAt(i)));
      }
      return new BigDecimal(b.toString());
    }
    long total = 0;
    long section = 0; // the part below 万
    int number = -1; // the pending digit, -1 when none
    long lastUnit = Long.MAX_VALUE; // units within a section must fall: 千 > 百 > 十
    long lastBig = Long.MAX_VALUE; // 亿 before 万
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d == 0) {
        number = -1;
      } else if (d > 0) {
        if (number > 0) {
          return null; // "一五": two digits with no unit between is not a number
        }
        number = d;
      } else {
        long u = unit(c);
        if (u < 10_000) {
          if (u >= lastUnit) {
            return null;
          }
          if (number < 0 && u != 10) {
            return null; // "百" alone; "十" alone is ten
          }
          section += (number < 0 ? 1 : number) * u;
          lastUnit = u;
        } else {
          if (u >= lastBig) {
            return null;
          }
          long part = section + Math.max(number, 0);
          if (part == 0 && total == 0) {
            return null;
          }
          total = u == 100_000_000L ? (total + part) * u : total + part * u;
          section = 0;
          lastUnit = Long.MAX_VALUE;
          lastBig = u;
        }
        number = -1;
      }
    }
    return BigDecimal.valueOf(total + section + Math.max(number, 0));
  }

  private static @Nullable BigDecimal words(String lower) {
    long total = 0;
    long current = 0;
    boolean seen = false;
    int last = 0; // 0 none, 1 ones/teens, 2 tens, 3 hundred/dozen/article, 4 scale
    String[] tokens = lower.split("[\\s-]+");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals("and") && seen) {
        continue;
      }
      Integer small = SMALL.get(t);
      Integer tens = TENS.get(t);
      Long scale = SCALES.get(t);
      if (small != null) {
        if (last == 1 || (last == 2 && small >= 10)) {
          return null;
        }
        current += small;
        last = 1;
      } else if (tens != null) {
        if (last == 1 || last == 2) {
          return null;
        }
        current += tens;
        last = 2;
      } else if ((t.equals("a") || t.equals("an")) && !seen && i + 1 < tokens.length) {
        current = 1;
        last = 3;
      } else if (t.equals("hundred") || t.equals("dozen")) {
        current = (current == 0 ? 1 : current) * (t.equals("dozen") ? 12 : 100);
        last = 3;
      } else if (scale != null) {
        total += (current == 0 ? 1 : current) * scale;
        current = 0;
        last = 4;
      } else {
        return null; // "dozens", "several" and any other word: no value
      }
      seen = true;
    }
    return seen && last != 0 ? BigDecimal.valueOf(total + current) : null;
  }

  static int digit(char c) {
    if (c == '〇') {
      return 0;
    }
    if (c == '两') {
      return 2;
    }
    int i = "零一二三四五六七八九".indexOf(c);
    return i;
  }

  private static long unit(char c) {
    return switch (c) {
      case '十' -> 10L;
      case '百' -> 100L;
      case '千' -> 1_000L;
      case '万' -> 10_000L;
      case '亿' -> 100_000_000L;
      default -> 1L;
    };
  }

  /** A plain value: 2.30E+4 becomes 23000, 1.50 becomes 1.5. */
  static BigDecimal clean(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
