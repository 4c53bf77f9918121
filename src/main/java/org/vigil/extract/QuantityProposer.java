package org.vigil.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.Qualifier;
import org.vigil.schema.SourceSpan;

/**
 * Proposes the amounts a text states: "at least 102 stations", "约23万人", "fifty-four outposts", with
 * what is counted, how the amount is qualified, and the period the same sentence gives.
 *
 * <p>Numbers that are not counts are skipped on purpose: dates and years, times, phone numbers,
 * page and section numbers, street numbers, ordinals, numbers glued to letters ("G20", "COVID-19")
 * and anything inside a URL or e-mail address. Percentages are kept, with unit {@code percent},
 * because reports state shares ("40% of the stations closed") that analysts want as claims.
 */
final class QuantityProposer implements ProposalExtractor {
  private static final int CI = Pattern.CASE_INSENSITIVE;

  /**
   * Each candidate number costs a few small regex checks around it; a real article holds a few
   * hundred numbers at most, so past this many the text is a table dump or junk and the rest is
   * left unproposed rather than letting one document stall a batch.
   */
  static final int MAX_CANDIDATES = 20_000;

  private static final String WORD =
      "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
          + "|eighty|ninety|hundred|thousand|million|billion|dozen)";
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<ar>(?<![A-Za-z0-9_.,/#@-])(?<!\\d:)(?:\\d{1,3}(?:,\\d{3}){1,5}|\\d{1,3}(?: \\d{3}){1,5}(?!\\d)|\\d{1,40})"
              + "(?:\\.\\d+)?(?!\\d)(?:\\s?(?:million|billion|thousand|dozen|mn|bn)\\b)?"
              + "(?:[余多]?[十百千万亿]{1,2})?[余多]?)"
              + "|(?<en>\\b(?:an?\\s+(?=(?:hundred|thousand|million|dozen)\\b))?"
              + WORD
              + "(?:(?:[\\s-]+|\\s+and\\s+)"
              + WORD
              + "){0,8}\\b)"
              + "|(?<cn>(?:百分之)?[〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿余多]*)",
          CI);

  // Regions where no digit is a count.
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"'，。]+", CI);
  private static final Pattern PHONE =
      Pattern.compile(
          "\\+\\d[\\d\\s().-]{6,}\\d|\\(\\d{2,5}\\)\\s?\\d[\\d\\s.-]{4,}\\d"
              + "|(?<![\\d-])\\d{2,5}-\\d{3,8}(?:-\\d{1,6})?(?![\\d-])"
              + "|(?:tel|phone|telephone|fax|电话|手机)[.:]?\\s*\\+?\\d[\\d\\s().-]{5,}\\d",
          CI);

  private static final Pattern AFTER_SKIP =
      Pattern.compile(
          "(?:st|nd|rd|th)\\b|[A-Za-z]|[:/.-]\\d|\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b|o'clock)"
              + "|\\s*[时点号届大](?!间)|\\s+(?-i:January|February|March|April|May|June|July"
              + "|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?"
              + "|Oct|Nov|Dec)\\b",
          CI);
  private static final Pattern AFTER_ADDRESS =
      Pattern.compile(
          "\\s+(?:[A-Z][a-z]+\\s+){0,3}(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Boulevard|Blvd"
              + "|Lane|Drive|Rue|Strasse|Straße|Way|Square|Place)\\b|\\s?[A-Z]{2}\\b(?!\\s*[a-z])"
              + "|\\s+[A-Z][a-z]*(?:straat|strasse|straße|weg|gasse|laan|plein|gracht|kade|gatan"
              + "|gade|vej)\\b");

  /** "Chen, 54, said": an age in apposition to a name, not a count. */
  private static final Pattern AGE_BEFORE = Pattern.compile("[A-Z][a-z]+,\\s*$");

  private static final Pattern BEFORE_SKIP =
      Pattern.compile(
          "(?:第|星期|礼拜|周|初|[路街道巷弄]|\\b(?:no|nos|number|p|pp|page|pages|article|art|section"
              + "|sec|chapter|para|paragraph|room|flat|unit|suite|floor|tel|phone|fax|case|vol"
              + "|volume|issue|route|line|flight|km|mile|exit|gate|platform)\\.?"
              + "|#|§|(?:straat|strasse|straße|street|weg|gasse|laan|plein|gracht|kade|road|avenue"
              + "|gatan|gade|vej)"
              + "|\\b(?:via|viale|corso|piazza|rue|calle|avenida|rua)\\s+(?:[A-Z][\\w']*\\s+){0,3}"
              + "|(?-i:January|February|March|April|May|June|July|August|September|October|November"
              + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)\\s*$",
          CI);
  private static final Pattern DATE_AFTER = Pattern.compile("\\s*[年月日号]");

  private record Phrase(String text, Qualifier q, boolean latin) {}

  private static final List<Phrase> BEFORE_QUALIFIERS = buildQualifiers();

  private record UnitRule(Pattern p, String unit) {}

  private static final List<UnitRule> CN_UNITS =
      List.of(
          rule(
              "(?:(?:个|家|处|座|所)(?:此类|这类|该类|类似的?)?|处[^，。；！？\\n\\d]{0,10}?)?[“「\"]?(?:中国)?"
                  + "[“「\"]?(?:海外)?(?:警务|警察)?(?:服务)?(?:站点|站)",
              "station"),
          rule("(?:个)?(?:国家|国)", "country"),
          rule("(?:名|位|个)?(?:人|民众|群众|逃犯|嫌疑人|华人|华侨|侨胞|同胞|留学生|学生)|名|位", "person"),
          rule("(?:个)?(?:城市|市)", "city"),
          rule("(?:个)?(?:省份|省)", "province"),
          rule("(?:个)?(?:县市|县)", "county"),
          rule("(?:起|宗|件|个)?(?:案件|案例|案)|起|宗", "case"),
          rule("(?:个)?(?:协会|社团|侨团|同乡会|商会)", "association"),
          rule("(?:个)?(?:组织|团体|机构)", "organization"),
          rule("(?:个)?(?:公安局|警察局)", "bureau"),
          rule("年", "year"),
          rule("个月", "month"),
          rule("(?:个)?(?:星期|礼拜)", "week"),
          rule("天", "day"),
          rule("美元", "usd"),
          rule("欧元", "eur"),
          rule("(?:元|人民币)", "cny"),
          rule("项(?:业务|服务)", "service"),
          rule("个", "item"));

  private static final Map<String, String> EN_UNITS = buildEnglishUnits();
  private static final Set<String> STOP =
      Set.of(
          "in",
          "on",
          "at",
          "of",
          "to",
          "from",
          "for",
          "by",
          "with",
          "and",
          "or",
          "but",
          "were",
          "was",
          "are",
          "is",
          "be",
          "been",
          "have",
          "has",
          "had",
          "that",
          "which",
          "who",
          "the",
          "a",
          "an",
          "than",
          "as",
          "per",
          "across",
          "between",
          "since",
          "during",
          "until",
          "after",
          "before",
          "it",
          "they",
          "this",
          "these",
          "those",
          "said",
          "says",
          "reported",
          "more",
          "less",
          "times",
          "percent");
  private static final Pattern EN_NEXT_WORD =
      Pattern.compile("[\\s\"“”‘’'-]+([A-Za-z][A-Za-z'’]*)");
  private static final Pattern PERCENT =
      Pattern.compile("\\s?(?:%|percent\\b|per\\s+cent\\b|pct\\b)", CI);
  private static final Set<String> EMERGENCY =
      Set.of("000", "110", "112", "119", "120", "122", "911", "999");
  private static final Set<String> MEASURES =
      Set.of(
          "year",
          "month",
          "week",
          "day",
          "hour",
          "minute",
          "second",
          "kilometre",
          "kilometer",
          "metre",
          "meter",
          "mile",
          "kilogram",
          "tonne",
          "litre",
          "liter",
          "inche",
          "foot",
          "feet",
          "yard",
          "decade",
          "centurie",
          "time");
  private static final Set<String> TOPIC_UNITS =
      Set.of(
          "station",
          "person",
          "country",
          "city",
          "case",
          "incident",
          "association",
          "organization",
          "bureau",
          "province",
          "county");
  private static final Pattern EN_ELLIPSIS_BEFORE =
      Pattern.compile(
          "(?:\\b(?:one|two|three|some|many|several|each|none|all|most|any)\\s+of|\\bamong"
              + "|\\b(?:up|down)\\s+from|\\bthere\\s+(?:were|are|was|is|had\\s+been|have\\s+been)"
              + "|\\b(?:total|tally)\\s+of|\\bcompared\\s+(?:with|to))\\s*$",
          CI);
  private static final Pattern EN_ELLIPSIS_AFTER =
      Pattern.compile(
          "\\s*(?:[,.;:)]|$|(?:in|it|that|which|they|we|across|around|worldwide|so|at|on)\\b)", CI);
  private static final Pattern CN_ELLIPSIS_AFTER =
      Pattern.compile("\\s*(?:[，。；、,.;]|$|之一|以上|中|左右)");
  private static final Pattern CN_TOPIC = Pattern.compile("(站点|警务站|服务站|国家|城市)");
  private static final Map<String, String> CN_TOPIC_UNITS =
      Map.of("站点", "station", "警务站", "station", "服务站", "station", "国家", "country", "城市", "city");

  /** Words ending in -s that are not plural nouns: verbs, adverbs, singular nouns. */
  private static final Set<String> NOT_PLURAL_NOUNS =
      Set.of(
          "does",
          "goes",
          "says",
          "includes",
          "remains",
          "shows",
          "seems",
          "means",
          "plus",
          "thus",
          "always",
          "perhaps",
          "news",
          "series",
          "whereas",
          "towards",
          "afterwards",
          "besides",
          "sometimes",
          "has",
          "was",
          "lies",
          "gets",
          "makes",
          "takes",
          "comes",
          "runs");

  private static final Pattern IN_ALL =
      Pattern.compile("\\s+(?:in\\s+(?:all|total)|altogether)\\b", CI);
  private static final Pattern WORDS = Pattern.compile("\\b[a-z]+\\b");

  /** Words after which "about" is a preposition: "asked about", "done about", "news about". */
  private static final Pattern PREPOSITIONAL_ABOUT =
      Pattern.compile(
          "\\b(?:done|asked|ask|asking|questions?|concerns?|concerned|worried|know|knew|known"
              + "|talk|talked|spoke|speak|news|information|details|explain|think|thought|care"
              + "|nothing|something|anything|what|complained|learned|heard|reports?)\\s*$",
          CI);

  private static final Pattern AFTER_QUALIFIER =
      Pattern.compile("\\s*(?:以上|左右|以下|or\\s+more\\b|or\\s+so\\b|\\+|-plus\\b)", CI);

  @Override
  public List<Proposal> propose(ProposalInput input) {
    try {
      return run(input);
    } catch (RuntimeException | StackOverflowError e) {
      // java.util.regex recurses on group repetitions; every pattern here is bounded, so this
      // is a last guard for the never-throw contract, not an expected path.
      return List.of(); // contract: never throw; a missed rule case proposes nothing
    }
  }

  // package-private so property tests can see failures that propose() turns into "nothing"
  List<Proposal> run(ProposalInput input) {
    String raw = input.text();
    String t = TextNorm.of(raw);
    List<TemporalParser.Found> dates = TemporalParser.findNormalized(t, input.published(), false);
    BitSet blocked = new BitSet(t.length());
    for (TemporalParser.Found f : dates) {
      blocked.set(f.start(), f.end());
    }
    block(blocked, URL.matcher(t));
    block(blocked, PHONE.matcher(t));
    blockEmails(t, blocked);
    List<Proposal> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(t);
    int examined = 0;
    while (m.find() && examined++ < MAX_CANDIDATES) {
      if (blocked.get(m.start(), m.end()).isEmpty()) {
        Proposal p = quantity(input, t, m, dates);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private @Nullable Proposal quantity(
      ProposalInput input, String t, Matcher m, List<TemporalParser.Found> dates) {
    int start = m.start();
    int end = m.end();
    String token = m.group();
    boolean cn = m.group("cn") != null;
    boolean en = m.group("en") != null;
    boolean percentPrefix = cn && token.startsWith("百分之");
    String numberText = percentPrefix ? token.substring(3) : token;
    BigDecimal value = NumberParser.parseOrNull(numberText);
    if (value == null || numberText.isEmpty()) {
      return null;
    }
    String plain = numberText.replace("余", "").replace("多", "");
    boolean approx = plain.length() != numberText.length();
    if (en && (plain.equalsIgnoreCase("one") || plain.equalsIgnoreCase("zero"))) {
      return null; // "one of the", "zero tolerance": almost never a count worth proposing
    }
    String before = t.substring(Math.max(0, start - 40), start);
    String after = t.substring(end, Math.min(t.length(), end + 60));
    if (BEFORE_SKIP.matcher(before).find() || AFTER_SKIP.matcher(after).lookingAt()) {
      return null;
    }
    if (!cn && !en && AFTER_ADDRESS.matcher(after).lookingAt()) {
      return null;
    }
    if (!cn && after.startsWith(",") && AGE_BEFORE.matcher(before).find()) {
      return null;
    }
    boolean plainInt = !cn && !en && plain.chars().allMatch(c -> c >= '0' && c <= '9');
    Matcher dateAfter = DATE_AFTER.matcher(after);
    if ((cn || plainInt) && dateAfter.lookingAt()) {
      // "2022年", "9月", "12日" are dates, left to DateProposer; "三年" is a count of years.
      boolean yearWord = dateAfter.group().endsWith("年");
      int v = value.intValue();
      if (!yearWord || (v >= 1000 && v <= 2999 && !plain.contains(","))) {
        return null;
      }
    }
    if (cn && !percentPrefix && !chineseLooksLikeCount(plain, after)) {
      return null;
    }
    String unit = null;
    int unitEnd = end;
    Matcher pct = PERCENT.matcher(t).region(end, t.length());
    if (percentPrefix) {
      unit = "percent";
    } else if (pct.lookingAt()) {
      unit = "percent";
      unitEnd = pct.end();
    } else {
      for (UnitRule r : CN_UNITS) {
        Matcher u = r.p().matcher(t).region(end, t.length());
        if (u.lookingAt()) {
          unit = r.unit();
          unitEnd = u.end();
          break;
        }
      }
      if (unit == null && !cn) {
        int[] found = englishUnit(t, end);
        if (found != null) {
          unit = EN_UNITS.get(t.substring(found[0], found[1]).toLowerCase(Locale.ROOT));
          unitEnd = found[1];
        }
      }
    }
    boolean counterOnly = "item".equals(unit);
    if (counterOnly) {
      unit = null; // a bare 个 says nothing about what is counted
    }
    if (unit == null && !cn && !en && EMERGENCY.contains(plain)) {
      return null; // 110, 112, 911, 999: phone numbers, not counts
    }
    if (unit == null) {
      int[] plural = !cn && !counterOnly ? pluralNoun(t, end) : null;
      if (plural != null) {
        unit = singular(t.substring(plural[0], plural[1]).toLowerCase(Locale.ROOT));
        unitEnd = plural[1];
      }
    }
    if (unit != null && MEASURES.contains(unit)) {
      return null; // durations, distances and weights are not counts of things
    }
    String currency = currencyBefore(t, start);
    if (unit == null && currency != null) {
      unit = currency;
      start =
          start - (currency.equals("usd") && start >= 3 && t.startsWith("US$", start - 3) ? 3 : 1);
    }
    if (plainInt && plain.length() == 4 && (unit == null || unit.equals("year"))) {
      int v = value.intValue();
      if (v >= 1800 && v <= 2100) {
        return null; // a bare year, not a count
      }
    }
    Qualifier q = Qualifier.EXACT;
    int qualStart = start;
    Phrase p = qualifierBefore(t, start);
    if (p != null
        && p.text().equals("about")
        && PREPOSITIONAL_ABOUT
            .matcher(
                t.substring(
                    Math.max(0, qualifierStart(t, start, p) - 30), qualifierStart(t, start, p)))
            .find()) {
      p = null; // "what was done about two stations": a preposition, not an estimate
    }
    if (p != null) {
      q = p.q();
      qualStart = qualifierStart(t, start, p);
    } else if (approx) {
      q = Qualifier.MORE_THAN; // "十余", "230多": more than the stated figure
    }
    Matcher post = AFTER_QUALIFIER.matcher(t).region(unitEnd, t.length());
    if (post.lookingAt()) {
      String w = post.group().strip().toLowerCase(Locale.ROOT);
      if (p == null) {
        q =
            switch (w) {
              case "左右" -> Qualifier.ABOUT;
              case "以下" -> Qualifier.AT_MOST;
              default -> w.startsWith("or so") ? Qualifier.ABOUT : Qualifier.AT_LEAST;
            };
      }
      unitEnd = post.end();
    }
    if (unit == null) {
      unit = elidedUnit(t, cn || counterOnly, qualStart, unitEnd);
      if (unit == null) {
        return null; // a number with nothing counted is no use to a reviewer
      }
    }
    int spanEnd = Math.max(unitEnd, end);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("value", List.of(value.toPlainString()));
    fields.put("unit", List.of(unit));
    fields.put("qualifier", List.of(q.code()));
    TemporalParser.Found period = nearestInSentence(t, dates, qualStart, spanEnd);
    if (period != null) {
      fields.put("period", List.of(period.date().iso()));
      fields.put("precision", List.of(period.date().precision().code()));
    }
    double confidence = en ? 0.6 : 0.7;
    return new Proposal(
        ProposalKind.QUANTITY,
        SourceSpan.of(input.sourceId(), input.text(), qualStart, spanEnd),
        fields,
        confidence);
  }

  /**
   * Chinese numerals hide in ordinary words (一些, 统一, 十分, 三四个); a run counts only when it has a unit
   * character (五十四, 两千) or, as a single digit, is followed by a counter word.
   */
  private static boolean chineseLooksLikeCount(String plain, String after) {
    boolean hasUnit = plain.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
    if (plain.length() >= 2) {
      return hasUnit;
    }
    if (plain.equals("一")) {
      return false;
    }
    return after.length() > 0
        && "个名位家座所处起宗件国人年天".indexOf(after.charAt(0)) >= 0
        && !(plain.equals("十") && !hasUnit && after.startsWith("分"));
  }

  /** The English noun after the number that says what is counted, skipping adjectives. */
  private static int @Nullable [] englishUnit(String t, int from) {
    Matcher w = EN_NEXT_WORD.matcher(t);
    int pos = from;
    for (int i = 0; i < 5; i++) {
      w.region(pos, t.length());
      if (!w.lookingAt()) {
        return null;
      }
      String word = w.group(1).toLowerCase(Locale.ROOT);
      if (EN_UNITS.containsKey(word)) {
        return new int[] {w.start(1), w.end(1)};
      }
      if (STOP.contains(word)) {
        return null;
      }
      pos = w.end();
    }
    return null;
  }

  /**
   * The thing an elided count counts: "the Madrid station was one of 9", "stations … up from 54",
   * "站点至少有102个". Only after a cue that the noun was left out, and only the sentence's first count
   * noun (its topic) before the number, never a capitalised name ("United States").
   */
  private static @Nullable String elidedUnit(String t, boolean cn, int qualStart, int unitEnd) {
    int sStart = SentenceBounds.start(t, qualStart);
    String before = t.substring(Math.max(sStart, qualStart - 200), qualStart);
    String after = t.substring(unitEnd, Math.min(t.length(), unitEnd + 20));
    if (cn) {
      if (!CN_ELLIPSIS_AFTER.matcher(after).lookingAt()) {
        return null;
      }
      Matcher n = CN_TOPIC.matcher(before);
      return n.find() ? CN_TOPIC_UNITS.get(n.group(1)) : null;
    }
    boolean inAll = IN_ALL.matcher(after).lookingAt(); // "the Italian stations, 11 in all,"
    if (!inAll
        && (!EN_ELLIPSIS_BEFORE.matcher(before).find()
            || !EN_ELLIPSIS_AFTER.matcher(after).lookingAt())) {
      return null;
    }
    Matcher w = WORDS.matcher(before);
    while (w.find()) {
      String u = EN_UNITS.get(w.group());
      if (u != null && TOPIC_UNITS.contains(u)) {
        return u;
      }
    }
    return null;
  }

  /** An unlisted plural noun right after the number or its adjectives ("eight new pumps"). */
  private static int @Nullable [] pluralNoun(String t, int from) {
    Matcher w = EN_NEXT_WORD.matcher(t);
    int pos = from;
    for (int i = 0; i < 3; i++) {
      w.region(pos, t.length());
      if (!w.lookingAt()) {
        return null;
      }
      String word = w.group(1);
      String lw = word.toLowerCase(Locale.ROOT);
      if (STOP.contains(lw) || !Character.isLowerCase(word.charAt(0))) {
        return null;
      }
      if (lw.length() >= 4
          && lw.endsWith("s")
          && !lw.endsWith("ss")
          && !lw.endsWith("ous")
          && !NOT_PLURAL_NOUNS.contains(lw)) {
        return new int[] {w.start(1), w.end(1)};
      }
      pos = w.end();
    }
    return null;
  }

  static String singular(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.matches(".*(?:ss|x|ch|sh)es")) {
      return w.substring(0, w.length() - 2);
    }
    return w.substring(0, w.length() - 1);
  }

  private static @Nullable String currencyBefore(String t, int start) {
    if (start == 0) {
      return null;
    }
    return switch (t.charAt(start - 1)) {
      case '$' -> "usd";
      case '€' -> "eur";
      case '£' -> "gbp";
      case '¥', '￥' -> "cny";
      default -> null;
    };
  }

  private static @Nullable Phrase qualifierBefore(String t, int start) {
    int end = start;
    while (end > 0 && t.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 && t.charAt(end - 1) == '有') {
      end--; // "约有23万人"
    }
    for (Phrase p : BEFORE_QUALIFIERS) {
      int s = end - p.text().length();
      if (s < 0 || !t.regionMatches(true, s, p.text(), 0, p.text().length())) {
        continue;
      }
      if (p.latin() && s > 0 && Character.isLetter(t.charAt(s - 1))) {
        continue; // "moreover 5" is not "over 5"
      }
      if (p.text().equals("近") && s > 0 && "最接将".indexOf(t.charAt(s - 1)) >= 0) {
        continue; // 最近 is "recently"; 接近, 将近 are listed on their own
      }
      return p;
    }
    return null;
  }

  private static int qualifierStart(String t, int start, Phrase p) {
    int end = start;
    while (end > 0 && t.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 && t.charAt(end - 1) == '有') {
      end--;
    }
    return end - p.text().length();
  }

  private static TemporalParser.@Nullable Found nearestInSentence(
      String t, List<TemporalParser.Found> dates, int start, int end) {
    if (dates.isEmpty()) {
      return null;
    }
    int sStart = SentenceBounds.start(t, start);
    int sEnd = SentenceBounds.end(t, end);
    int lo = 0;
    int hi = dates.size();
    while (lo < hi) { // first date whose end is past the sentence start
      int mid = (lo + hi) >>> 1;
      if (dates.get(mid).end() <= sStart) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    TemporalParser.Found best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int i = lo; i < dates.size() && dates.get(i).start() < sEnd; i++) {
      TemporalParser.Found f = dates.get(i);
      if (f.start() < sStart || f.end() > sEnd) {
        continue;
      }
      int d = f.start() >= end ? f.start() - end : Math.max(0, start - f.end());
      if (d < bestDistance) {
        best = f;
        bestDistance = d;
      }
    }
    return best;
  }

  private static void block(BitSet blocked, Matcher m) {
    while (m.find()) {
      blocked.set(m.start(), m.end());
    }
  }

  /** E-mail addresses, found from each '@' outwards so a long word never costs a rescan. */
  private static void blockEmails(String t, BitSet blocked) {
    for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
      int s = at;
      while (s > 0 && at - s < 100 && isMailChar(t.charAt(s - 1))) {
        s--;
      }
      int e = at + 1;
      while (e < t.length() && e - at < 255 && isMailChar(t.charAt(e))) {
        e++;
      }
      blocked.set(s, e);
    }
  }

  private static boolean isMailChar(char c) {
    return (c < 128
        && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+'));
  }

  private static UnitRule rule(String regex, String unit) {
    return new UnitRule(Pattern.compile("\\s*(?:" + regex + ")"), unit);
  }

  private static List<Phrase> buildQualifiers() {
    List<Phrase> l = new ArrayList<>();
    Object[][] latin = {
      {"no fewer than", Qualifier.AT_LEAST},
      {"no less than", Qualifier.AT_LEAST},
      {"not less than", Qualifier.AT_LEAST},
      {"not fewer than", Qualifier.AT_LEAST},
      {"at least", Qualifier.AT_LEAST},
      {"a minimum of", Qualifier.AT_LEAST},
      {"more than", Qualifier.MORE_THAN},
      {"over", Qualifier.MORE_THAN},
      {"in excess of", Qualifier.MORE_THAN},
      {"upwards of", Qualifier.MORE_THAN},
      {"greater than", Qualifier.MORE_THAN},
      {"no more than", Qualifier.AT_MOST},
      {"not more than", Qualifier.AT_MOST},
      {"up to", Qualifier.AT_MOST},
      {"as many as", Qualifier.AT_MOST},
      {"at most", Qualifier.AT_MOST},
      {"a maximum of", Qualifier.AT_MOST},
      {"fewer than", Qualifier.LESS_THAN},
      {"less than", Qualifier.LESS_THAN},
      {"under", Qualifier.LESS_THAN},
      {"nearly", Qualifier.ABOUT},
      {"almost", Qualifier.ABOUT},
      {"about", Qualifier.ABOUT},
      {"around", Qualifier.ABOUT},
      {"roughly", Qualifier.ABOUT},
      {"approximately", Qualifier.ABOUT},
      {"approx.", Qualifier.ABOUT},
      {"some", Qualifier.ABOUT},
      {"an estimated", Qualifier.ABOUT},
      {"estimated", Qualifier.ABOUT},
      {"close to", Qualifier.ABOUT},
      {"circa", Qualifier.ABOUT},
      {"~", Qualifier.ABOUT}
    };
    Object[][] chinese = {
      {"至少", Qualifier.AT_LEAST}, {"不少于", Qualifier.AT_LEAST}, {"不低于", Qualifier.AT_LEAST},
      {"最少", Qualifier.AT_LEAST}, {"超过", Qualifier.MORE_THAN}, {"逾", Qualifier.MORE_THAN},
      {"超", Qualifier.MORE_THAN}, {"多于", Qualifier.MORE_THAN}, {"高于", Qualifier.MORE_THAN},
      {"不超过", Qualifier.AT_MOST}, {"多达", Qualifier.AT_MOST}, {"高达", Qualifier.AT_MOST},
      {"最多", Qualifier.AT_MOST}, {"不到", Qualifier.LESS_THAN}, {"少于", Qualifier.LESS_THAN},
      {"不足", Qualifier.LESS_THAN}, {"大约", Qualifier.ABOUT}, {"大概", Qualifier.ABOUT},
      {"约", Qualifier.ABOUT}, {"将近", Qualifier.ABOUT}, {"接近", Qualifier.ABOUT},
      {"近", Qualifier.ABOUT}
    };
    for (Object[] e : latin) {
      l.add(new Phrase((String) e[0], (Qualifier) e[1], true));
    }
    for (Object[] e : chinese) {
      l.add(new Phrase((String) e[0], (Qualifier) e[1], false));
    }
    // Longest first, so "no more than" wins over "more than" and "不超过" over "超过".
    l.sort(Comparator.comparingInt((Phrase p) -> -p.text().length()));
    return List.copyOf(l);
  }

  private static Map<String, String> buildEnglishUnits() {
    Map<String, String> m = new LinkedHashMap<>();
    String[][] groups = {
      {"station", "station", "stations", "outpost", "outposts", "office", "offices", "premises"},
      {
        "person",
        "people",
        "persons",
        "person",
        "individuals",
        "individual",
        "citizens",
        "nationals",
        "fugitives",
        "suspects",
        "residents",
        "dissidents",
        "students",
        "victims",
        "targets",
        "migrants",
        "refugees",
        "relatives",
        "members",
        "activists",
        "critics",
        "returnees",
        "defendants",
        "emigrants",
        "overseas",
        "chinese",
        "officers",
        "officer",
        "officials",
        "agents",
        "staff",
        "men",
        "women",
        "employees",
        "workers",
        "volunteers",
        "lawmakers",
        "diplomats",
        "journalists",
        "reporters",
        "lawyers",
        "protesters",
        "demonstrators",
        "passengers",
        "tourists",
        "visitors",
        "children",
        "families"
      },
      {"country", "countries", "country", "nations", "nation", "states"},
      {"city", "cities", "city", "towns"},
      {"case", "cases", "case"},
      {"incident", "incidents", "incident"},
      {"association", "associations", "association"},
      {"organization", "organisations", "organizations", "groups", "organisation"},
      {"year", "years", "year"},
      {"month", "months", "month"},
      {"week", "weeks", "week"},
      {"day", "days", "day"},
      {"hour", "hours", "hour"},
      {"province", "provinces", "province"},
      {"county", "counties", "county"},
      {"bureau", "bureaus", "bureaux", "bureau"},
      {"arrest", "arrests"},
      {"investigation", "investigations", "inquiries", "probes"},
      {"report", "reports"},
      {"usd", "dollars"},
      {"eur", "euros"},
      {"cny", "yuan", "rmb"}
    };
    for (String[] g : groups) {
      for (int i = 1; i < g.length; i++) {
        m.put(g[i], g[0]);
      }
    }
    // "overseas" and "chinese" are adjectives far more often than nouns; keep them scanning.
    m.remove("overseas");
    m.remove("chinese");
    return Map.copyOf(m);
  }
}
