package org.vigil.bench;

import com.ibm.icu.text.Transliterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.vigil.core.Checks;

/**
 * Deterministic synthetic news articles about overseas police stations, in English and Chinese
 * (about half each; a fifth of the Chinese ones in traditional script), each about 5 KB of article
 * text inside realistic page boilerplate (cookie banner, navigation, ads labelled "Advertisement",
 * share widget, byline, related links, comments). About 10% are syndicated copies: the same story
 * body, lightly edited, on another site of the same language.
 *
 * <p>Article {@code i} depends only on {@code (seed, i)}, so ranges can be generated in parallel
 * and any article regenerated on its own.
 */
public final class SyntheticCorpus {
  /**
   * One generated page.
   *
   * @param html the whole page as a crawler would fetch it
   * @param body the article text alone (paragraphs separated by blank lines), i.e. what a good
   *     extractor should find
   * @param language {@code en}, {@code zh-Hans} or {@code zh-Hant}
   * @param storyId equal for an original and its syndicated copies
   */
  public record Article(
      String id,
      String html,
      String title,
      String body,
      String language,
      String publisher,
      LocalDate published,
      String storyId) {
    public Article {
      Checks.notBlank(id, "id");
      Checks.notNull(html, "html");
      Checks.notNull(title, "title");
      Checks.notNull(body, "body");
      Checks.notBlank(language, "language");
      Checks.notBlank(publisher, "publisher");
      Checks.notNull(published, "published");
      Checks.notBlank(storyId, "storyId");
    }

    /** True when this page copies a story first published as another article. */
    public boolean syndicated() {
      return !storyId.equals(id);
    }
  }

  /** A site the corpus publishes on. */
  public record Publisher(String name, String domain, String language) {}

  static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1);
  static final int DAYS =
      (int) (LocalDate.of(2024, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
  private static final int EN_TARGET_CHARS = 5_000;

  /** Three UTF-8 bytes per Han character: 1,700 characters is about 5 KB. */
  private static final int ZH_TARGET_CHARS = 1_700;

  /** A copy is of a story published at most this many articles earlier. */
  private static final int SYNDICATION_WINDOW = 5_000;

  private static final long STORY_SALT = 0x5DEECE66DL;

  private static final List<Publisher> PUBLISHERS =
      List.of(
          new Publisher("Harbour Ledger", "harbourledger.example", "en"),
          new Publisher("Northern Courier", "northerncourier.example", "en"),
          new Publisher("The Civic Observer", "civicobserver.example", "en"),
          new Publisher("Metro Dispatch", "metrodispatch.example", "en"),
          new Publisher("Atlantic Review Daily", "atlanticreview.example", "en"),
          new Publisher("The Lantern", "thelantern.example", "en"),
          new Publisher("Capital Sentinel", "capitalsentinel.example", "en"),
          new Publisher("Riverside Times", "riversidetimes.example", "en"),
          new Publisher("Global Affairs Wire", "globalaffairswire.example", "en"),
          new Publisher("The Evening Standardbearer", "standardbearer.example", "en"),
          new Publisher("Pacific Monitor", "pacificmonitor.example", "en"),
          new Publisher("Continental Post", "continentalpost.example", "en"),
          new Publisher("Freedom Watch Journal", "freedomwatch.example", "en"),
          new Publisher("The Diaspora Record", "diasporarecord.example", "en"),
          new Publisher("Lakeside Gazette", "lakesidegazette.example", "en"),
          new Publisher("华侨日报", "huaqiaoribao.example", "zh"),
          new Publisher("海峡时评", "haixiashiping.example", "zh"),
          new Publisher("星岛观察", "xingdaoguancha.example", "zh"),
          new Publisher("环球视点", "huanqiushidian.example", "zh"),
          new Publisher("自由之声", "ziyouzhisheng.example", "zh"),
          new Publisher("欧洲华人报", "ouzhouhuaren.example", "zh"),
          new Publisher("北美新闻网", "beimeixinwen.example", "zh"),
          new Publisher("东方评论", "dongfangpinglun.example", "zh"),
          new Publisher("明镜周刊", "mingjingzhoukan.example", "zh"),
          new Publisher("新世纪时报", "xinshijishibao.example", "zh"),
          new Publisher("公民观察", "gongminguancha.example", "zh"),
          new Publisher("侨报网", "qiaobaowang.example", "zh"),
          new Publisher("亚太日报", "yataribao.example", "zh"),
          new Publisher("港湾新闻", "gangwanxinwen.example", "zh"),
          new Publisher("独立调查", "dulidiaocha.example", "zh"));
  private static final List<Publisher> EN_PUBLISHERS =
      PUBLISHERS.stream().filter(p -> p.language().equals("en")).toList();
  private static final List<Publisher> ZH_PUBLISHERS =
      PUBLISHERS.stream().filter(p -> p.language().equals("zh")).toList();

  private static final Template[] EN_CLAIMS = Template.all(Vocabulary.EN_CLAIMS);
  private static final Template[] EN_TITLES = Template.all(Vocabulary.EN_TITLES);
  private static final Template[] ZH_CLAIMS = Template.all(Vocabulary.ZH_CLAIMS);
  private static final Template[] ZH_TITLES = Template.all(Vocabulary.ZH_TITLES);
  private static final Map<Character, Character> TO_TRADITIONAL = traditionalMap();

  private SyntheticCorpus() {}

  /** The sites articles appear on (15 English, 15 Chinese). */
  public static List<Publisher> publishers() {
    return PUBLISHERS;
  }

  /** Articles {@code 0..n-1} for {@code seed}, in order; the stream may be made parallel. */
  public static Stream<Article> articles(int n, long seed) {
    Checks.notNegative(n, "n");
    return IntStream.range(0, n).mapToObj(i -> article(seed, i));
  }

  /** Like {@link #articles(int, long)}, one at a time. */
  public static Iterator<Article> iterator(int n, long seed) {
    return articles(n, seed).iterator();
  }

  /** Article {@code index} of the corpus for {@code seed}. */
  public static Article article(long seed, int index) {
    Checks.notNegative(index, "index");
    SplittableRandom r = new SplittableRandom(mix(seed, index));
    int storyIndex = index;
    boolean copy = index > 0 && r.nextInt(10) == 0;
    if (copy) {
      storyIndex = storyOf(seed, r.nextInt(Math.max(0, index - SYNDICATION_WINDOW), index));
    }
    Story story = story(seed, storyIndex);
    String id = articleId(seed, index);
    if (!copy) {
      String html =
          Html.page(
              story.publisher, id, story.title, story.paragraphs, story.published, story.author, r);
      return new Article(
          id,
          html,
          story.title,
          String.join("\n\n", story.paragraphs),
          story.language,
          story.publisher.name(),
          story.published,
          id);
    }
    // a syndicated copy: another site of the same language, a day or two later, lightly edited
    List<Publisher> sites = story.language.startsWith("zh") ? ZH_PUBLISHERS : EN_PUBLISHERS;
    Publisher site = sites.get(r.nextInt(sites.size()));
    if (site.equals(story.publisher)) {
      site = sites.get((sites.indexOf(site) + 1) % sites.size());
    }
    LocalDate published = story.published.plusDays(r.nextInt(4));
    List<String> paragraphs = new ArrayList<>(story.paragraphs);
    boolean zh = story.language.startsWith("zh");
    if (paragraphs.size() > 2 && r.nextBoolean()) {
      paragraphs.remove(paragraphs.size() - 1);
    }
    String note =
        zh
            ? "（本文转载自" + story.publisher.name() + "，略有删节。）"
            : "This article first appeared in " + story.publisher.name() + " and has been edited.";
    paragraphs.add(story.language.equals("zh-Hant") ? traditional(note) : note);
    String body = String.join("\n\n", paragraphs);
    String html = Html.page(site, id, story.title, paragraphs, published, story.author, r);
    return new Article(
        id,
        html,
        story.title,
        body,
        story.language,
        site.name(),
        published,
        articleId(seed, storyIndex));
  }

  static String articleId(long seed, int index) {
    return "syn" + Long.toHexString(seed) + "-" + index;
  }

  /** The index of the original article whose story article {@code index} carries. */
  private static int storyOf(long seed, int index) {
    // replays the first draws of article(): copies point strictly backwards, so this ends
    while (index > 0) {
      SplittableRandom r = new SplittableRandom(mix(seed, index));
      if (r.nextInt(10) != 0) {
        return index;
      }
      index = r.nextInt(Math.max(0, index - SYNDICATION_WINDOW), index);
    }
    return index;
  }

  private record Story(
      String language,
      Publisher publisher,
      LocalDate published,
      String title,
      String author,
      List<String> paragraphs) {}

  private static Story story(long seed, int storyIndex) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ STORY_SALT, storyIndex));
    boolean zh = r.nextBoolean();
    boolean hant = zh && r.nextInt(5) == 0;
    List<Publisher> sites = zh ? ZH_PUBLISHERS : EN_PUBLISHERS;
    Publisher publisher = sites.get(skewed(r, sites.size()));
    LocalDate published = FIRST_DAY.plusDays(r.nextInt(DAYS));
    // a story is about one place and one organisation, mentioned throughout
    String[] slots =
        zh
            ? new String[] {
              pick(r, Vocabulary.ZH_CITIES), pick(r, Vocabulary.ZH_COUNTRIES),
              pick(r, Vocabulary.ZH_ASSOCIATIONS), pick(r, Vocabulary.ZH_BUREAUS)
            }
            : new String[] {
              pick(r, Vocabulary.EN_CITIES), pick(r, Vocabulary.EN_COUNTRIES),
              pick(r, Vocabulary.EN_ASSOCIATIONS), pick(r, Vocabulary.EN_BUREAUS)
            };
    // most stories are about the topic, the rest mention it in passing; each topical story makes a
    // few claims, repeated in its own words, rather than all of them
    boolean topical = r.nextInt(100) < 50;
    int topicPercent = topical ? 40 : 1;
    int[] claims = new int[2 + r.nextInt(4)];
    for (int i = 0; i < claims.length; i++) {
      claims[i] = r.nextInt(EN_CLAIMS.length);
    }
    StringBuilder sb = new StringBuilder(256);
    Template[] titles = zh ? ZH_TITLES : EN_TITLES;
    String title = fill(sb, titles[r.nextInt(titles.length)], slots);
    String author = zh ? pick(r, Vocabulary.ZH_AUTHORS) : pick(r, Vocabulary.EN_AUTHORS);
    int target = (int) ((zh ? ZH_TARGET_CHARS : EN_TARGET_CHARS) * (0.7 + 0.6 * r.nextDouble()));
    List<String> paragraphs = new ArrayList<>();
    int length = 0;
    StringBuilder p = new StringBuilder(1024);
    while (length < target) {
      p.setLength(0);
      int sentences = 3 + r.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        if (zh) {
          zhSentence(p, r, slots, claims, topicPercent);
        } else {
          if (s > 0) {
            p.append(' ');
          }
          enSentence(p, r, slots, claims, topicPercent);
        }
      }
      String paragraph = hant ? traditional(p) : p.toString();
      paragraphs.add(paragraph);
      length += paragraph.length() + 2;
    }
    if (hant) {
      title = traditional(title);
    }
    return new Story(
        zh ? (hant ? "zh-Hant" : "zh-Hans") : "en",
        publisher,
        published,
        title,
        author,
        paragraphs);
  }

  private static void enSentence(
      StringBuilder sb, SplittableRandom r, String[] slots, int[] claims, int topicPercent) {
    if (r.nextInt(100) >= topicPercent) {
      sb.append(pick(r, Vocabulary.EN_GEN_SUBJECTS))
          .append(' ')
          .append(pick(r, Vocabulary.EN_GEN_ACTIONS))
          .append(' ')
          .append(pick(r, Vocabulary.EN_GEN_OBJECTS))
          .append(' ')
          .append(pick(r, Vocabulary.EN_GEN_TIMES))
          .append('.');
      return;
    }
    sb.append(pick(r, Vocabulary.EN_ACTORS))
        .append(' ')
        .append(pick(r, Vocabulary.EN_VERBS))
        .append(" that ");
    EN_CLAIMS[claims[r.nextInt(claims.length)]].appendTo(sb, otherSlotsSometimes(r, slots, false));
    sb.append('.');
  }

  private static void zhSentence(
      StringBuilder sb, SplittableRandom r, String[] slots, int[] claims, int topicPercent) {
    if (r.nextInt(100) >= topicPercent) {
      sb.append(pick(r, Vocabulary.ZH_GEN_TIMES))
          .append('，')
          .append(pick(r, Vocabulary.ZH_GEN_SUBJECTS))
          .append(pick(r, Vocabulary.ZH_GEN_ACTIONS))
          .append(pick(r, Vocabulary.ZH_GEN_OBJECTS))
          .append('。');
      return;
    }
    sb.append(pick(r, Vocabulary.ZH_ACTORS)).append(pick(r, Vocabulary.ZH_VERBS)).append('，');
    ZH_CLAIMS[claims[r.nextInt(claims.length)]].appendTo(sb, otherSlotsSometimes(r, slots, true));
    sb.append('。');
  }

  /** Mostly the story's own place and organisation; sometimes a comparison with another. */
  private static String[] otherSlotsSometimes(SplittableRandom r, String[] slots, boolean zh) {
    if (r.nextInt(8) != 0) {
      return slots;
    }
    return zh
        ? new String[] {
          pick(r, Vocabulary.ZH_CITIES), slots[1], slots[2], pick(r, Vocabulary.ZH_BUREAUS)
        }
        : new String[] {
          pick(r, Vocabulary.EN_CITIES), slots[1], slots[2], pick(r, Vocabulary.EN_BUREAUS)
        };
  }

  private static String fill(StringBuilder sb, Template t, String[] slots) {
    sb.setLength(0);
    t.appendTo(sb, slots);
    return sb.toString();
  }

  /** Biased to the start of a pool: a few values are common, the tail is rare. */
  static int skewed(SplittableRandom r, int size) {
    double u = r.nextDouble();
    return (int) (size * u * u);
  }

  private static String pick(SplittableRandom r, String[] pool) {
    return pool[skewed(r, pool.length)];
  }

  static String traditional(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(TO_TRADITIONAL.getOrDefault(c, c));
    }
    return out.toString();
  }

  /**
   * Character-by-character Simplified→Traditional for the characters of our pools, computed once
   * with ICU: per-article ICU transliteration would make generation several times slower.
   */
  private static Map<Character, Character> traditionalMap() {
    Transliterator t = Transliterator.getInstance("Simplified-Traditional");
    Map<Character, Character> map = new HashMap<>();
    StringBuilder all = new StringBuilder();
    for (String[] pool :
        List.of(
            Vocabulary.ZH_CITIES,
            Vocabulary.ZH_COUNTRIES,
            Vocabulary.ZH_BUREAUS,
            Vocabulary.ZH_ASSOCIATIONS,
            Vocabulary.ZH_ACTORS,
            Vocabulary.ZH_VERBS,
            Vocabulary.ZH_CLAIMS,
            Vocabulary.ZH_TITLES,
            Vocabulary.ZH_AUTHORS,
            Vocabulary.RELATED_ZH,
            Vocabulary.ZH_GEN_SUBJECTS,
            Vocabulary.ZH_GEN_ACTIONS,
            Vocabulary.ZH_GEN_OBJECTS,
            Vocabulary.ZH_GEN_TIMES,
            new String[] {"本文转载自略有删节"})) {
      for (String s : pool) {
        all.append(s);
      }
    }
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      if (!Character.isSurrogate(c) && !map.containsKey(c)) {
        String tc = t.transliterate(String.valueOf(c));
        if (tc.length() == 1 && tc.charAt(0) != c) {
          map.put(c, tc.charAt(0));
        }
      }
    }
    return Map.copyOf(map);
  }

  /** SplitMix64 finaliser of seed and index: neighbouring indices get unrelated streams. */
  static long mix(long seed, long index) {
    long z = seed + index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A phrase with {city} {country} {assoc} {bureau} slots, split once so filling only appends. */
  record Template(String[] parts, int[] slots) {
    private static final List<String> NAMES = List.of("{city}", "{country}", "{assoc}", "{bureau}");

    static Template[] all(String[] pool) {
      Template[] out = new Template[pool.length];
      for (int i = 0; i < pool.length; i++) {
        out[i] = of(pool[i]);
      }
      return out;
    }

    static Template of(String s) {
      List<String> parts = new ArrayList<>();
      List<Integer> slots = new ArrayList<>();
      int from = 0;
      while (true) {
        int open = s.indexOf('{', from);
        if (open < 0) {
          break;
        }
        int close = s.indexOf('}', open);
        parts.add(s.substring(from, open));
        slots.add(NAMES.indexOf(s.substring(open, close + 1)));
        from = close + 1;
      }
      parts.add(s.substring(from));
      return new Template(
          parts.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
    }

    void appendTo(StringBuilder sb, String[] values) {
      for (int i = 0; i < slots.length; i++) {
        sb.append(parts[i]).append(values[slots[i]]);
      }
      sb.append(parts[slots.length]);
    }
  }
}
