package org.vigil.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.core.HanScript;

/** Reads the gazetteer's data files into entries; the formats are described in their headers. */
final class GazetteerData {
  static final Set<String> ORG_KINDS =
      Set.of(
          "public_security_bureau",
          "ministry",
          "party_body",
          "hometown_association",
          "station_host_business",
          "ngo",
          "media_outlet",
          "host_state_agency",
          "other");

  private GazetteerData() {}

  /** Countries with ICU names plus curated variants; adjectives are also collected. */
  static List<GazetteerEntry> countries(Set<String> adjectivesOut) {
    Map<String, List<String>> extra = new HashMap<>();
    for (String line : Gazetteer.lines(Gazetteer.resource("country-variants.tsv"))) {
      String[] f = line.split("\t", -1);
      List<String> names = new ArrayList<>(split(f.length > 1 ? f[1] : ""));
      List<String> adjectives = split(f.length > 2 ? f[2] : "");
      names.addAll(adjectives);
      adjectivesOut.addAll(adjectives);
      extra.put(f[0], names);
    }
    List<GazetteerEntry> out = new ArrayList<>();
    for (String line : Gazetteer.lines(Gazetteer.resource("countries.tsv"))) {
      String[] f = line.split("\t", -1);
      String cc = f[0];
      Set<String> names = new LinkedHashSet<>();
      names.add(f[1]);
      // "Myanmar (Burma)" is written "Myanmar"; "刚果（金）" stays as CLDR has it
      String bare = f[1].replaceAll("\\s*\\(.*\\)", "").strip();
      names.add(bare);
      names.add(f[2]);
      names.add(f[3]);
      for (String n : extra.getOrDefault(cc, List.of())) {
        names.add(n);
        if (hasHan(n)) {
          names.add(HanScript.toTraditional(n));
        }
      }
      out.add(
          new GazetteerEntry(
              "country:" + cc, "country", bare, f[2], List.copyOf(names), cc, null, null));
    }
    return out;
  }

  /**
   * Cities with coordinates; Chinese names from the data file, then the curated file's names and
   * variants. Ranks: capitals first, then by population, so a shared name ("London") goes to the
   * likelier city.
   */
  static List<GazetteerEntry> cities(Map<String, Integer> ranksOut) {
    Map<String, String[]> curated = new HashMap<>();
    for (String line : Gazetteer.lines(Gazetteer.resource("city-names-zh.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f.length >= 3) {
        curated.putIfAbsent(f[0] + "\t" + f[1], f);
      }
    }
    record Row(String[] f, long pop, boolean capital) {}
    List<Row> rows = new ArrayList<>();
    for (String line : Gazetteer.lines(Gazetteer.resource("cities.tsv"))) {
      String[] f = line.split("\t", -1);
      rows.add(new Row(f, Long.parseLong(f[5]), f[6].equals("PPLC")));
    }
    rows.sort(
        Comparator.comparing((Row r) -> !r.capital())
            .thenComparing(Comparator.comparingLong(Row::pop).reversed()));
    Set<String> curatedUsed = new java.util.HashSet<>();
    List<GazetteerEntry> out = new ArrayList<>();
    for (int rank = 0; rank < rows.size(); rank++) {
      String[] f = rows.get(rank).f();
      String key = f[1] + "\t" + f[2];
      String zh = f.length > 7 && !f[7].isBlank() ? f[7] : null;
      Set<String> names = new LinkedHashSet<>();
      names.add(f[1]);
      String[] c = curatedUsed.add(key) ? curated.get(key) : null; // the likeliest city only
      if (c != null) {
        zh = c[2].isBlank() ? zh : c[2];
        for (String n : split(c.length > 3 ? c[3] : "")) {
          names.add(n);
          if (hasHan(n)) {
            names.add(HanScript.toTraditional(n));
          }
        }
      }
      // the curated English display name ("Frankfurt" for GeoNames' "Frankfurt am Main")
      String display = c != null && c.length > 4 && !c[4].isBlank() ? c[4].strip() : f[1];
      if (zh != null) {
        names.add(zh);
        names.add(HanScript.toTraditional(zh));
      }
      String id = "city:" + f[0];
      ranksOut.put(id, rank);
      out.add(
          new GazetteerEntry(
              id,
              "city",
              display,
              zh,
              List.copyOf(names),
              f[2],
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4])));
    }
    return out;
  }

  /** Bodies in the format of {@code bodies.tsv}; a malformed line is an error naming the line. */
  static List<GazetteerEntry> bodies(List<String> lines, String source) {
    List<GazetteerEntry> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4 || !f[0].startsWith("org:") || !ORG_KINDS.contains(f[1])) {
        throw new IllegalArgumentException(
            source
                + ": expected 'org:<slug> TAB kind TAB country TAB nameEn [TAB nameZh TAB names]'"
                + " with a known kind, got: "
                + line);
      }
      String zh = f.length > 4 && !f[4].isBlank() ? f[4].strip() : null;
      Set<String> names = new LinkedHashSet<>();
      names.add(f[3].strip());
      if (zh != null) {
        names.add(zh);
      }
      for (String n : split(f.length > 5 ? f[5] : "")) {
        names.add(n);
        if (hasHan(n)) {
          names.add(HanScript.toTraditional(n));
        }
      }
      out.add(
          new GazetteerEntry(
              f[0].strip(),
              f[1],
              f[3].strip(),
              zh,
              List.copyOf(names),
              emptyToNull(f[2].strip()),
              null,
              null));
    }
    return out;
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static List<String> split(String s) {
    return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  static boolean hasHan(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }
}
