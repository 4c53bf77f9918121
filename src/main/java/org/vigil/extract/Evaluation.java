package org.vigil.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.vigil.core.Checks;
import org.vigil.core.HanScript;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;

/**
 * Scores proposal extraction against an annotated development set ({@code gold.jsonl}).
 *
 * <p>Per document and per kind, gold items and predicted items are matched one-to-one (a maximum
 * bipartite matching, so alternative spellings can never make the result depend on order); counts
 * are then summed over all documents (micro average). What is compared, per kind:
 *
 * <ul>
 *   <li>{@code station_location}: city + country of STATION proposals
 *   <li>{@code host_country}: the distinct countries of the document's stations (a set on both
 *       sides: two Dutch stations make one host country)
 *   <li>{@code place}: country + city (city empty for a country) of PLACE proposals
 *   <li>{@code quantity}: value + unit + qualifier (the period is annotated but not scored)
 *   <li>{@code date}: ISO date + precision
 *   <li>{@code attribution}: the chain; a prediction matches when it has the same length and the
 *       same origin (first element). An exact chain match satisfies this; the looser rule accepts
 *       chains that differ only in how an intermediate relay is named, since what counts for
 *       corroboration is the origin and how many hands the claim passed through.
 *   <li>{@code organization}: the name; a prediction's {@code name} or {@code nameZh} may match the
 *       gold {@code name} or {@code nameZh}
 *   <li>{@code incident}: tactic + country
 * </ul>
 *
 * <p>Normalisation of every compared string: Unicode NFKC, traditional Chinese to simplified
 * ({@link HanScript}), lower case in {@link Locale#ROOT}, runs of whitespace to one space, a
 * leading English "the " dropped; country codes upper case; quantity values compared as decimals
 * ("230000" = "230000.0"; thousands separators dropped).
 *
 * <p>Counting: with {@link Counting#MULTISET} (the default) every proposal counts, so a proposer
 * that emits the same place three times for three mentions scores two false positives against one
 * gold place. {@link Counting#DISTINCT} first collapses predictions with identical normalised
 * values, for judging proposers that emit one proposal per mention. The report states which was
 * used.
 *
 * <p>Empty denominators: precision is 1.0 when nothing was predicted (nothing claimed, nothing
 * wrong), recall is 1.0 when the gold has nothing (nothing to find); F1 is 0 when precision and
 * recall are both 0.
 */
public final class Evaluation {
  /** The kinds the report scores, in report order. */
  public static final List<String> KINDS =
      List.of(
          "station_location",
          "host_country",
          "place",
          "quantity",
          "date",
          "attribution",
          "organization",
          "incident");

  /** How repeated predictions of the same value within one document count. */
  public enum Counting {
    MULTISET,
    DISTINCT
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String ALTERNATIVES = " | ";

  private Evaluation() {}

  /** Runs the proposers over every document of the gold file and scores them. */
  public static Report evaluate(Path goldFile, Proposers proposers) {
    Checks.notNull(proposers, "proposers");
    return evaluate(goldFile, proposers::propose, Counting.MULTISET);
  }

  /**
   * The same for any proposal function: tests feed synthetic predictions, and a single extractor
   * can be scored on its own.
   */
  public static Report evaluate(
      Path goldFile, Function<ProposalInput, List<Proposal>> proposer, Counting counting) {
    Checks.notNull(proposer, "proposer");
    Checks.notNull(counting, "counting");
    Path folder = goldFile.toAbsolutePath().getParent();
    List<GoldDocument> gold = readGold(goldFile);
    Map<String, int[]> counts = new LinkedHashMap<>();
    KINDS.forEach(k -> counts.put(k, new int[3]));
    List<Miss> misses = new ArrayList<>();
    int negatives = 0;
    int stationsOnNegatives = 0;
    for (GoldDocument g : gold) {
      String text = readText(folder.resolve(g.doc()));
      List<Proposal> predicted =
          proposer.apply(new ProposalInput(g.doc(), text, g.language(), g.published()));
      if (g.negative()) {
        negatives++;
        stationsOnNegatives +=
            (int) predicted.stream().filter(p -> p.kind() == ProposalKind.STATION).count();
      }
      Map<String, List<Item>> goldItems = goldItems(g);
      Map<String, List<Item>> predItems = predictedItems(predicted);
      for (String kind : KINDS) {
        List<Item> gi = goldItems.get(kind);
        List<Item> pi = predItems.get(kind);
        if (kind.equals("host_country")) {
          gi = distinct(gi);
          pi = distinct(pi);
        } else if (counting == Counting.DISTINCT) {
          pi = distinct(pi);
        }
        match(g.doc(), kind, gi, pi, counts.get(kind), misses);
      }
    }
    List<KindScore> scores = new ArrayList<>();
    counts.forEach((k, c) -> scores.add(KindScore.of(k, c[0], c[1], c[2])));
    return new Report(
        gold.size(),
        negatives,
        counting.name().toLowerCase(Locale.ROOT),
        scores,
        stationsOnNegatives,
        misses);
  }

  /** Reads and validates the shape of a gold file: one JSON object a line, blank lines ignored. */
  public static List<GoldDocument> readGold(Path goldFile) {
    List<GoldDocument> docs = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(goldFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        docs.add(JSON.readValue(line, GoldDocument.class));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            goldFile.getFileName() + " line " + (i + 1) + ": " + e.getOriginalMessage(), e);
      }
    }
    return docs;
  }

  private static String readText(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- items: a value per compared slot, each slot a set of acceptable normalised spellings

  /** One comparable fact; it matches another when every slot shares a spelling. */
  private record Item(List<Set<String>> slots, String display) {
    boolean matches(Item other) {
      for (int i = 0; i < slots.size(); i++) {
        if (java.util.Collections.disjoint(slots.get(i), other.slots.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static Item item(String display, Set<?>... slots) {
    List<Set<String>> s = new ArrayList<>();
    for (Set<?> slot : slots) {
      Set<String> values = new LinkedHashSet<>();
      slot.forEach(v -> values.add((String) v));
      s.add(values);
    }
    return new Item(List.copyOf(s), display);
  }

  private static Map<String, List<Item>> emptyKinds() {
    Map<String, List<Item>> m = new LinkedHashMap<>();
    KINDS.forEach(k -> m.put(k, new ArrayList<>()));
    return m;
  }

  private static Map<String, List<Item>> goldItems(GoldDocument g) {
    Map<String, List<Item>> m = emptyKinds();
    for (GoldDocument.Station s : g.stations()) {
      m.get("station_location").add(stationItem(s.city(), s.country()));
      m.get("host_country").add(countryItem(s.country()));
    }
    for (GoldDocument.Place p : g.places()) {
      m.get("place").add(placeItem(p.country(), p.city()));
    }
    for (GoldDocument.QuantityItem q : g.quantities()) {
      m.get("quantity").add(quantityItem(q.value(), q.unit(), q.qualifier()));
    }
    for (GoldDocument.DateItem d : g.dates()) {
      m.get("date").add(dateItem(d.date(), d.precision()));
    }
    for (GoldDocument.Attribution a : g.attributions()) {
      m.get("attribution").add(attributionItem(a.chain()));
    }
    for (GoldDocument.Organization o : g.organizations()) {
      m.get("organization").add(organizationItem(o.name(), o.nameZh()));
    }
    for (GoldDocument.Incident i : g.incidents()) {
      m.get("incident").add(incidentItem(i.tactic(), i.country()));
    }
    return m;
  }

  private static Map<String, List<Item>> predictedItems(List<Proposal> proposals) {
    Map<String, List<Item>> m = emptyKinds();
    for (Proposal p : proposals) {
      switch (p.kind()) {
        case STATION -> {
          m.get("station_location").add(stationItem(p.first("city"), p.first("country")));
          m.get("host_country").add(countryItem(p.first("country")));
        }
        case PLACE -> m.get("place").add(placeItem(p.first("country"), p.first("city")));
        case QUANTITY ->
            m.get("quantity")
                .add(quantityItem(p.first("value"), p.first("unit"), p.first("qualifier")));
        case DATE -> m.get("date").add(dateItem(p.first("date"), p.first("precision")));
        case ATTRIBUTION ->
            m.get("attribution").add(attributionItem(p.fields().getOrDefault("chain", List.of())));
        case ORGANIZATION ->
            m.get("organization").add(organizationItem(p.first("name"), p.first("nameZh")));
        case INCIDENT -> m.get("incident").add(incidentItem(p.first("tactic"), p.first("country")));
      }
    }
    return m;
  }

  private static Item stationItem(String city, String country) {
    return item(city + ", " + country, alternatives(city), Set.of(country(country)));
  }

  private static Item countryItem(String country) {
    return item(country(country), Set.of(country(country)));
  }

  private static Item placeItem(String country, String city) {
    String display = city.isBlank() ? country : city + ", " + country;
    return item(display, Set.of(country(country)), alternatives(city));
  }

  private static Item quantityItem(String value, String unit, String qualifier) {
    return item(
        qualifier + " " + value + " " + unit,
        Set.of(decimal(value)),
        Set.of(norm(unit)),
        Set.of(norm(qualifier)));
  }

  private static Item dateItem(String date, String precision) {
    return item(date + " (" + precision + ")", Set.of(norm(date)), Set.of(norm(precision)));
  }

  private static Item attributionItem(List<String> chain) {
    Set<String> origin = chain.isEmpty() ? Set.of("") : alternatives(chain.get(0));
    return item(String.join(" > ", chain), origin, Set.of(String.valueOf(chain.size())));
  }

  private static Item organizationItem(String name, String nameZh) {
    Set<String> names = new LinkedHashSet<>(alternatives(name));
    if (!nameZh.isBlank()) {
      names.addAll(alternatives(nameZh));
    }
    return item(nameZh.isBlank() ? name : name + " / " + nameZh, names);
  }

  private static Item incidentItem(String tactic, String country) {
    return item(
        tactic + (country.isBlank() ? "" : " in " + country),
        Set.of(norm(tactic)),
        Set.of(country(country)));
  }

  /** The normalised spellings of a gold value written as {@code "a | b"}. */
  private static Set<String> alternatives(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (!value.contains(ALTERNATIVES)) {
      out.add(norm(value));
      return out;
    }
    Arrays.stream(value.split(Pattern.quote(ALTERNATIVES))).map(Evaluation::norm).forEach(out::add);
    return out;
  }

  /** Case, width, script and whitespace differences do not count. */
  static String norm(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    n = HanScript.toSimplified(n);
    n = SPACES.matcher(n.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return n.startsWith("the ") ? n.substring(4) : n;
  }

  private static String country(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  private static String decimal(String value) {
    String v = value.strip().replace(",", "");
    try {
      return new BigDecimal(v).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return norm(value);
    }
  }

  private static List<Item> distinct(List<Item> items) {
    List<Item> out = new ArrayList<>();
    Set<List<Set<String>>> seen = new java.util.HashSet<>();
    for (Item i : items) {
      if (seen.add(i.slots())) {
        out.add(i);
      }
    }
    return out;
  }

  // ---- matching

  /** Maximum bipartite matching (augmenting paths); the lists are a few dozen items at most. */
  private static void match(
      String doc, String kind, List<Item> gold, List<Item> pred, int[] counts, List<Miss> misses) {
    int[] goldOfPred = new int[pred.size()];
    Arrays.fill(goldOfPred, -1);
    int matched = 0;
    boolean[] goldMatched = new boolean[gold.size()];
    for (int g = 0; g < gold.size(); g++) {
      if (augment(g, gold, pred, goldOfPred, new boolean[pred.size()])) {
        matched++;
      }
    }
    for (int p = 0; p < pred.size(); p++) {
      if (goldOfPred[p] >= 0) {
        goldMatched[goldOfPred[p]] = true;
      } else {
        misses.add(new Miss(doc, kind, "false_positive", pred.get(p).display()));
      }
    }
    for (int g = 0; g < gold.size(); g++) {
      if (!goldMatched[g]) {
        misses.add(new Miss(doc, kind, "false_negative", gold.get(g).display()));
      }
    }
    counts[0] += matched;
    counts[1] += pred.size() - matched;
    counts[2] += gold.size() - matched;
  }

  private static boolean augment(
      int g, List<Item> gold, List<Item> pred, int[] goldOfPred, boolean[] visited) {
    for (int p = 0; p < pred.size(); p++) {
      if (!visited[p] && gold.get(g).matches(pred.get(p))) {
        visited[p] = true;
        if (goldOfPred[p] < 0 || augment(goldOfPred[p], gold, pred, goldOfPred, visited)) {
          goldOfPred[p] = g;
          return true;
        }
      }
    }
    return false;
  }

  // ---- results

  /** Scores of one kind, micro-averaged over documents. */
  public record KindScore(
      String kind,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      double precision,
      double recall,
      double f1) {
    static KindScore of(String kind, int tp, int fp, int fn) {
      double p = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
      double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
      return new KindScore(kind, tp, fp, fn, p, r, f);
    }
  }

  /** One unmatched item: what to look at when a score disappoints. */
  public record Miss(String doc, String kind, String error, String item) {}

  /**
   * The whole result. Serialises to JSON with {@link #toJson()} (its record components as keys).
   *
   * @param counting {@code multiset} or {@code distinct}, see {@link Counting}
   * @param stationProposalsOnNegatives STATION proposals made on documents annotated as negatives
   */
  public record Report(
      int documents,
      int negatives,
      String counting,
      List<KindScore> kinds,
      int stationProposalsOnNegatives,
      List<Miss> misses) {
    public Report {
      kinds = List.copyOf(kinds);
      misses = List.copyOf(misses);
    }

    /** The score of one kind code, e.g. {@code station_location}. */
    public KindScore kind(String code) {
      return kinds.stream()
          .filter(k -> k.kind().equals(code))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no kind " + code));
    }

    /** A plain-text table, one row a kind. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "%d documents (%d negative), counting %s%n",
              documents,
              negatives,
              counting));
      sb.append(
          String.format(
              Locale.ROOT,
              "%-18s %5s %5s %5s %9s %7s %6s%n",
              "kind",
              "tp",
              "fp",
              "fn",
              "precision",
              "recall",
              "f1"));
      for (KindScore k : kinds) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%-18s %5d %5d %5d %9.3f %7.3f %6.3f%n",
                k.kind(),
                k.truePositives(),
                k.falsePositives(),
                k.falseNegatives(),
                k.precision(),
                k.recall(),
                k.f1()));
      }
      sb.append(
          String.format(
              Locale.ROOT, "station proposals on negatives: %d%n", stationProposalsOnNegatives));
      return sb.toString();
    }

    public String toJson() {
      try {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
