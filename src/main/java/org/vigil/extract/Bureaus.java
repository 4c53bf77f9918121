package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds named police bureaus: gazetteer bodies of kind {@code public_security_bureau} and the
 * patterns "X Public Security Bureau", "X PSB", "X police bureau" and "X公安局" (X a place name of two
 * to four Han characters, possibly followed by 市, 县 or 区). Shared by the organisation and station
 * proposers so that both name the same bureau the same way.
 */
final class Bureaus {
  /** A bureau mention: offsets, English name (or the Chinese one when unknown), Chinese name. */
  record Bureau(int start, int end, String nameEn, @Nullable String nameZh, @Nullable String id) {}

  private static final Pattern EN =
      Pattern.compile(
          "\\b((?:[A-Z][a-z'’]+[ -])?[A-Z][a-z'’]+)\\s+(?:(?:Municipal|County|City|District)\\s+)?"
              + "(?:Public\\s+Security\\s+Bureau|PSB|[Pp]olice\\s+[Bb]ureau)\\b");

  private static final Pattern ZH = Pattern.compile("(?:市|县|區|区|縣)?公安局");

  /** Characters that end a Chinese name when looking back from 公安局: particles and verbs. */
  private static final String STOP = "的在由和与與及是了被向从從对對为為把个個一处處家据據称稱该該";

  private Bureaus() {}

  static List<Bureau> find(Gazetteer g, String text, List<GazetteerMatch> matches) {
    List<Bureau> out = new ArrayList<>();
    for (GazetteerMatch m : matches) {
      if (m.entry().kind().equals("public_security_bureau")) {
        GazetteerEntry e = m.entry();
        out.add(new Bureau(m.start(), m.end(), e.nameEn(), e.nameZh(), e.id()));
      }
    }
    Matcher en = EN.matcher(text);
    while (en.find()) {
      String x = en.group(1);
      int start = en.start();
      if (x.startsWith("The ") || x.startsWith("the ")) {
        x = x.substring(4); // an article is no part of the name
        start += 4;
      }
      if (overlaps(out, start, en.end()) || x.equals("The") || x.equals("A")) {
        continue;
      }
      out.add(new Bureau(start, en.end(), x + " Public Security Bureau", null, null));
    }
    Matcher zh = ZH.matcher(text);
    while (zh.find()) {
      int end = zh.end();
      int nameEnd = zh.start();
      int start = nameEnd;
      while (start > 0
          && nameEnd - start < 4
          && GazetteerData.hasHan(text.substring(start - 1, start))
          && STOP.indexOf(text.charAt(start - 1)) < 0) {
        start--;
      }
      if (nameEnd - start < 2 || overlaps(out, start, end)) {
        continue;
      }
      // prefer the gazetteer city the name ends with (福州 in 据悉福州市公安局)
      String place = text.substring(start, nameEnd);
      String en2 = null;
      for (GazetteerMatch m : g.find(place)) {
        if (m.end() == place.length() && m.entry().kind().equals("city")) {
          start += m.start();
          en2 = m.entry().nameEn();
        }
      }
      if (nameEnd - start > 2 && en2 == null) {
        start = nameEnd - 2; // most county and city names are two characters
      }
      String zhName = text.substring(start, end);
      String nameEn =
          en2 != null ? en2 + " Public Security Bureau" : ChineseScript.toSimplified(zhName);
      out.add(new Bureau(start, end, nameEn, ChineseScript.toSimplified(zhName), null));
    }
    out.sort(java.util.Comparator.comparingInt(Bureau::start));
    return out;
  }

  private static boolean overlaps(List<Bureau> found, int start, int end) {
    for (Bureau b : found) {
      if (start < b.end() && b.start() < end) {
        return true;
      }
    }
    return false;
  }
}
