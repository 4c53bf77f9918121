package org.vigil.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.core.HanScript;

/**
 * Known countries, cities and bodies with their English and Chinese names, and a matcher that finds
 * them in text. Immutable and thread-safe; {@link #standard()} is built once.
 *
 * <p>Data (resources under {@code org/vigil/extract/gazetteer/}): {@code countries.tsv} (ICU/CLDR
 * names of every ISO 3166-1 country), {@code country-variants.tsv} (hand-curated other names and
 * adjectives), {@code cities.tsv} (GeoNames, CC BY 4.0), {@code city-names-zh.tsv} (hand-curated
 * Chinese names and English variants of cities) and {@code bodies.tsv} (agencies and bodies; its
 * header documents the format that {@link #withExtra} reads).
 */
public final class Gazetteer {
  private static final String DATA = "gazetteer/";

  /**
   * City names that are also common English words or given names: the city stays in the gazetteer
   * (by id) but these names are not matched in text.
   */
  private static final Set<String> AMBIGUOUS_CITY_NAMES =
      Set.of(
          "nice",
          "reading",
          "split",
          "sale",
          "mobile",
          "independence",
          "concord",
          "orange",
          "aurora",
          "columbus",
          "victoria",
          "jackson",
          "lincoln",
          "hamilton",
          "salvador",
          "charlotte",
          "austin",
          "eugene",
          "irving",
          "lafayette",
          "salem",
          "male",
          "natal",
          "aba",
          "jos",
          "oyo",
          "kota",
          "teni",
          "guli",
          "bath",
          "mercedes",
          "marion",
          "temple",
          "gary",
          "hope",
          "union",
          "liberty",
          "normal",
          "mission",
          "university",
          "paradise",
          "enterprise",
          "surprise",
          "sandy",
          "pearl",
          "kent",
          "hollywood",
          "queens",
          "chinatown");

  /**
   * Phrases that contain a gazetteer name but do not mean it ("Latin America" is not the United
   * States): matched like names so that the longest match swallows the shorter one, then dropped.
   */
  private static final List<String> BLOCKERS =
      List.of(
          "Latin America",
          "South America",
          "North America",
          "Central America",
          "Latin American",
          "South American",
          "North American",
          "Central American",
          "New Mexico",
          "New Jersey",
          "New England",
          "New Guinea",
          "Indian Ocean",
          "Chinese New Year",
          "Georgia State",
          "Manhattan Project");

  private static volatile @Nullable Gazetteer standard;

  private final Map<String, GazetteerEntry> byId;
  private final Map<String, List<GazetteerEntry>> byKind;
  private final Set<String> adjectives;
  private final Node root;

  private Gazetteer(
      List<GazetteerEntry> entries, Set<String> adjectives, Map<String, Integer> cityRanks) {
    Map<String, GazetteerEntry> ids = new LinkedHashMap<>();
    for (GazetteerEntry e : entries) {
      ids.put(e.id(), e); // a later entry with the same id replaces the earlier one
    }
    this.byId = Map.copyOf(ids);
    Map<String, List<GazetteerEntry>> kinds = new HashMap<>();
    for (GazetteerEntry e : ids.values()) {
      kinds.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
    }
    kinds.replaceAll((k, v) -> List.copyOf(v));
    this.byKind = Map.copyOf(kinds);
    this.adjectives = Set.copyOf(adjectives);
    this.root = build(ids.values(), cityRanks);
  }

  /** The built-in data: countries, cities, known agencies and bodies. */
  public static Gazetteer standard() {
    Gazetteer g = standard;
    if (g == null) {
      synchronized (Gazetteer.class) {
        g = standard;
        if (g == null) {
          g = load(List.of());
          standard = g;
        }
      }
    }
    return g;
  }

  /** The built-in data plus analyst-maintained files (same format as the built-in bodies file). */
  public static Gazetteer withExtra(List<Path> files) {
    return load(files);
  }

  /** A gazetteer of exactly these entries (tests, small tools). */
  public static Gazetteer of(List<GazetteerEntry> entries) {
    return new Gazetteer(entries, Set.of(), Map.of());
  }

  /**
   * Every mention of a known name: longest match wins, matches do not overlap, Latin names only at
   * word boundaries and case-insensitively, Chinese names in either script. Empty for an empty or
   * null-free text without names.
   */
  public List<GazetteerMatch> find(String text) {
    List<GazetteerMatch> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String folded = fold(text);
    int n = folded.length();
    int i = 0;
    Map<Integer, List<GazetteerEntry>> ambiguous = new HashMap<>();
    while (i < n) {
      char c = folded.charAt(i);
      if (isWordChar(c) && isLatin(c) && i > 0 && isWordChar(folded.charAt(i - 1))) {
        i++; // inside a Latin word: names start only at word starts
        continue;
      }
      Node node = root;
      Terminal best = null;
      Node bestNode = null;
      int bestEnd = -1;
      for (int j = i; j < n; j++) {
        node = node.next(folded.charAt(j));
        if (node == null) {
          break;
        }
        Terminal t = node.terminal;
        if (t != null && endsAtBoundary(folded, j + 1) && capitalised(text, i, t)) {
          best = t;
          bestNode = node;
          bestEnd = j + 1;
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      if (best.entry != null) {
        out.add(new GazetteerMatch(i, bestEnd, text.substring(i, bestEnd), best.entry));
        if (bestNode.others != null) {
          ambiguous.put(out.size() - 1, bestNode.others);
        }
      }
      i = bestEnd;
    }
    return ambiguous.isEmpty() ? out : resolve(out, ambiguous);
  }

  /**
   * A city name shared by cities in several countries ("Valencia": Spain, Venezuela) goes to the
   * likeliest city (capital, then population) unless the text names the country of another
   * candidate and not that of the likeliest one: then the best-ranked candidate whose country the
   * text names wins.
   */
  private static List<GazetteerMatch> resolve(
      List<GazetteerMatch> matches, Map<Integer, List<GazetteerEntry>> ambiguous) {
    Set<String> named = new java.util.HashSet<>();
    for (GazetteerMatch m : matches) {
      if (m.entry().kind().equals("country") && m.entry().country() != null) {
        named.add(m.entry().country());
      }
    }
    List<GazetteerMatch> out = new ArrayList<>(matches);
    ambiguous.forEach(
        (index, others) -> {
          GazetteerMatch m = out.get(index);
          if (named.contains(m.entry().country())) {
            return;
          }
          for (GazetteerEntry other : others) {
            if (named.contains(other.country())) {
              out.set(index, new GazetteerMatch(m.start(), m.end(), m.surface(), other));
              return;
            }
          }
        });
    return out;
  }

  public Optional<GazetteerEntry> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The country with this ISO 3166-1 alpha-2 code. */
  public Optional<GazetteerEntry> country(String iso2) {
    return iso2 == null ? Optional.empty() : byId("country:" + iso2.toUpperCase(Locale.ROOT));
  }

  /** Entries of one kind ({@code country}, {@code city}, an organisation kind). */
  public List<GazetteerEntry> entries(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** Whether a matched surface is a country adjective ("Dutch") rather than a name ("Holland"). */
  boolean isAdjective(GazetteerMatch m) {
    return adjectives.contains(fold(m.surface()));
  }

  // ---- matching ------------------------------------------------------------------------------

  /**
   * Folds text for matching, one char for one char so offsets stay valid: traditional Han to
   * simplified, letters to lower case (Character.toLowerCase ignores the default locale, so a
   * Turkish locale does not turn "I" into a dotless i), any whitespace to a space, curly
   * apostrophes to straight ones.
   */
  static String fold(String s) {
    String t = s;
    boolean surrogates = false;
    for (int i = 0; i < t.length(); i++) {
      if (Character.isSurrogate(t.charAt(i))) {
        surrogates = true;
        break;
      }
    }
    if (surrogates) {
      // the table maps some supplementary characters to BMP ones: keep lengths by blanking them
      char[] a = t.toCharArray();
      for (int i = 0; i < a.length; i++) {
        if (Character.isSurrogate(a[i])) {
          a[i] = '\u0000';
        }
      }
      t = new String(a);
    }
    t = HanScript.toSimplified(t);
    char[] a = t.toCharArray();
    for (int i = 0; i < a.length; i++) {
      char c = a[i];
      if (Character.isWhitespace(c) || c == '\u00A0') {
        a[i] = ' ';
      } else if (c == '\u2019' || c == '\u2018') {
        a[i] = '\'';
      } else {
        a[i] = Character.toLowerCase(c);
      }
    }
    return new String(a);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  /** Latin (and other cased alphabets): Han, kana and Hangul have no word spaces. */
  private static boolean isLatin(char c) {
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    return s != Character.UnicodeScript.HAN
        && s != Character.UnicodeScript.HIRAGANA
        && s != Character.UnicodeScript.KATAKANA
        && s != Character.UnicodeScript.HANGUL;
  }

  private static boolean endsAtBoundary(String folded, int end) {
    if (end >= folded.length()) {
      return true;
    }
    char last = folded.charAt(end - 1);
    char next = folded.charAt(end);
    return !(isWordChar(last) && isLatin(last) && isWordChar(next) && isLatin(next));
  }

  /** Latin names match only where the text capitalises the letter the name capitalises. */
  private static boolean capitalised(String text, int start, Terminal t) {
    if (t.capsAt < 0) {
      return true;
    }
    int at = start + t.capsAt;
    return at < text.length() && Character.isUpperCase(text.charAt(at));
  }

  /** A trie node; children in a small map because most nodes have one or two. */
  private static final class Node {
    private @Nullable Map<Character, Node> children;
    private @Nullable Terminal terminal;

    /** Other cities with this name in other countries, best-ranked first; null when none. */
    private @Nullable List<GazetteerEntry> others;

    private @Nullable List<Terminal> othersRanked;

    @Nullable Node next(char c) {
      return children == null ? null : children.get(c);
    }

    Node child(char c) {
      if (children == null) {
        children = new HashMap<>(4);
      }
      return children.computeIfAbsent(c, k -> new Node());
    }
  }

  /**
   * The end of a name: the entry it names (null for a blocker) and the position of the letter the
   * text must capitalise (-1 for Chinese and for names written all lower case).
   */
  private record Terminal(@Nullable GazetteerEntry entry, int capsAt, int rank) {}

  private static Node build(Iterable<GazetteerEntry> entries, Map<String, Integer> cityRanks) {
    Node root = new Node();
    for (GazetteerEntry e : entries) {
      Set<String> names = new LinkedHashSet<>();
      names.add(e.nameEn());
      if (e.nameZh() != null) {
        names.add(e.nameZh());
        names.add(HanScript.toTraditional(e.nameZh()));
      }
      names.addAll(e.names());
      for (String name : names) {
        if (e.kind().equals("city") && AMBIGUOUS_CITY_NAMES.contains(fold(name))) {
          continue;
        }
        insert(root, name, e, rank(e, cityRanks));
      }
    }
    for (String b : BLOCKERS) {
      insert(root, b, null, Integer.MIN_VALUE);
    }
    return root;
  }

  private static void insert(Node root, String name, @Nullable GazetteerEntry e, int rank) {
    String n = name.strip();
    if (n.codePointCount(0, n.length()) < 2) {
      return; // one letter or one Han character names too much
    }
    String folded = fold(n);
    Node node = root;
    for (int i = 0; i < folded.length(); i++) {
      node = node.child(folded.charAt(i));
    }
    int capsAt = -1;
    for (int i = 0; i < n.length(); i++) {
      if (Character.isUpperCase(n.charAt(i))) {
        capsAt = i;
        break;
      }
    }
    Terminal t = new Terminal(e, capsAt, rank);
    // when two entries share a name, the higher-ranked one keeps it
    Terminal old = node.terminal;
    if (old == null || t.rank() < old.rank()) {
      node.terminal = t;
    }
    // cities of other countries sharing the name stay available for resolve()
    Terminal kept = node.terminal;
    Terminal other = kept == t ? old : t;
    if (other != null
        && other.entry() != null
        && kept.entry() != null
        && other.entry().kind().equals("city")
        && kept.entry().kind().equals("city")
        && !java.util.Objects.equals(other.entry().country(), kept.entry().country())) {
      List<Terminal> all = new ArrayList<>();
      if (node.othersRanked != null) {
        all.addAll(node.othersRanked);
      }
      all.removeIf(x -> x.entry() == kept.entry());
      all.add(other);
      all.sort(java.util.Comparator.comparingInt(Terminal::rank));
      node.othersRanked = all;
      node.others = all.stream().map(Terminal::entry).toList();
    }
  }

  /** Lower is stronger: blockers, countries, bodies, then cities by population (capitals first). */
  private static int rank(GazetteerEntry e, Map<String, Integer> cityRanks) {
    return switch (e.kind()) {
      case "country" -> 0;
      case "city" -> 10 + cityRanks.getOrDefault(e.id(), 1_000_000);
      default -> 1;
    };
  }

  // ---- loading -------------------------------------------------------------------------------

  private static Gazetteer load(List<Path> extra) {
    List<GazetteerEntry> entries = new ArrayList<>();
    Set<String> adjectives = new LinkedHashSet<>();
    entries.addAll(GazetteerData.countries(adjectives));
    Map<String, Integer> cityRanks = new HashMap<>();
    entries.addAll(GazetteerData.cities(cityRanks));
    entries.addAll(GazetteerData.bodies(lines(resource("bodies.tsv")), "bodies.tsv"));
    for (Path p : extra) {
      try {
        entries.addAll(
            GazetteerData.bodies(Files.readAllLines(p, StandardCharsets.UTF_8), p.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read gazetteer file " + p, e);
      }
    }
    Set<String> folded = new LinkedHashSet<>();
    adjectives.forEach(a -> folded.add(fold(a)));
    return new Gazetteer(entries, folded, cityRanks);
  }

  static InputStream resource(String name) {
    InputStream in = Gazetteer.class.getResourceAsStream(DATA + name);
    if (in == null) {
      throw new IllegalStateException("missing gazetteer resource " + DATA + name);
    }
    return in;
  }

  static List<String> lines(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
