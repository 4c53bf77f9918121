package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes ORGANIZATIONs. Rules and confidences:
 *
 * <ul>
 *   <li>a gazetteer body (bureau, ministry, party body, NGO, media outlet, host-state agency …),
 *       any of its names: 0.9, with its id
 *   <li>"X Public Security Bureau", "X PSB", "X police bureau", "X公安局" not in the gazetteer: 0.75,
 *       kind public_security_bureau, country CN
 *   <li>"X同乡会", "X商会", "X华侨华人联合会", "X侨团", "X联谊会" (X: the Han characters before the suffix, up to a
 *       particle, at most ten): 0.7, kind hometown_association, country from a country name inside
 *       X ("荷兰福建同乡会" → NL)
 *   <li>"X Hometown Association", "X Chamber of Commerce", "X Association of Y" with capitalised X
 *       and Y: 0.6 (0.7 when it says Chinese, Overseas or Hometown), kind hometown_association when
 *       it says so, else other; an association written with 当地 / 本地 ("the local association") is a
 *       description, not a name, and is not proposed
 *   <li>a foreign country's ministry in Chinese, the country right before 外交部, 内政部, 司法部 …
 *       ("荷兰外交部"): 0.75, kind ministry, that country (not China's ministry of the same name)
 *   <li>news outlets: 《X》 when X ends like an outlet (报, 网, 台, 社, 观察 …), Han characters before 通讯社,
 *       新闻网, 电台, 日报, 时报 (after a particle or a citing verb such as 据, 援引), and capitalised English
 *       words before Wire, Press Service, Radio, Tribune, Times, Herald …: 0.6
 *   <li>"X Police Department/Service/Force" (host_state_agency) and "Department/Ministry of X"
 *       (ministry) with capitalised words on one line: 0.6
 * </ul>
 */
final class OrganizationProposer implements ProposalExtractor {
  private static final Pattern ZH_ASSOCIATION =
      Pattern.compile("(?:同乡会|同鄉會|商会|商會|华侨华人联合会|華僑華人聯合會|侨团|僑團|联谊会|聯誼會)");

  private static final String WORD = "[A-Z][A-Za-z'’.-]*";
  private static final Pattern EN_ASSOCIATION =
      Pattern.compile(
          "\\b((?:"
              + WORD
              + "\\s+){0,4}(?:Hometown|Fellow[- ]Townsmen|Clansmen|Overseas Chinese|Chinese)\\s+"
              + "(?:Association|Federation|Chamber of Commerce))\\b"
              + "|\\b((?:"
              + WORD
              + "\\s+){1,4}Association\\s+of\\s+(?:(?:the\\s+)?"
              + WORD
              + "(?:\\s+|$)){1,4})");

  private static final String STOP = "的在由和与與及是了被向从從对對为為把个個一处處家据據称稱该該";

  /** 当地同乡会, "the local association": a description, not a name. */
  private static final Pattern ZH_GENERIC = Pattern.compile("当地|當地|本地");

  /** Chinese news outlets: X通讯社, X新闻网, X电台, X日报 …; X the Han characters before it. */
  private static final Pattern ZH_MEDIA =
      Pattern.compile("通讯社|通訊社|新闻网|新聞網|新闻社|新聞社|电视台|電視台|电台|電台|日报|日報|时报|時報");

  /** Title marks around an outlet's name: 《欧华时报》, 《北方纪事报》. */
  private static final Pattern ZH_TITLE =
      Pattern.compile("《([^《》\\s]{2,12}?(?:报|報|网|網|台|社|观察|觀察|杂志|雜誌|周刊|週刊|新闻|新聞))》");

  /** Stops before an outlet's name: the particles above and the verbs that cite it (据, 援引, 转引). */
  private static final String MEDIA_STOP = STOP + "引述";

  /** "荷兰外交部", "德国内政部": a foreign country's ministry written with its country. */
  private static final Pattern ZH_MINISTRY_SUFFIX =
      Pattern.compile("^(?:外交部|内政部|內政部|司法部|国防部|國防部|安全部)");

  private static final String CAP = "[A-Z][a-z]+(?:['’]s)?";

  /**
   * "the Meridian Wire", "Harbour Radio", "Continental Press Service": a capitalised outlet name.
   */
  private static final Pattern EN_MEDIA =
      Pattern.compile(
          "\\b((?:"
              + CAP
              + "[ \\u00A0]+){1,3}(?:Wire|Press[ \\u00A0]+(?:Service|Agency)|News[ \\u00A0]+(?:Agency|Service)|Radio"
              + "|Ledger|Tribune|Times|Herald|Gazette|Chronicle|Broadcasting(?:[ \\u00A0]+Corporation)?))\\b");

  /** "Vancouver Police Department", "Department of Foreign Affairs": a host-state body's name. */
  private static final Pattern EN_AGENCY =
      Pattern.compile(
          "\\b((?:"
              + CAP
              + "[ \\u00A0]+){1,3}Police[ \\u00A0]+(?:Department|Service|Force))\\b"
              + "(?![ \\u00A0]+(?:Station|Centre|Center|Post|Office))"
              + "|\\b((?:Department|Ministry)[ \\u00A0]+of[ \\u00A0]+(?:the[ \\u00A0]+)?"
              + CAP
              + "(?:[ \\u00A0]+(?:and[ \\u00A0]+)?"
              + CAP
              + "){0,3})\\b");

  /** A title-case "Chinese Police Service …" or "Overseas …" is a station, not a host body. */
  private static final Pattern ORIGIN_WORDS = Pattern.compile("\\b(?:Chinese|China|Overseas)\\b");

  /** Sentence-initial words that are capitalised but name nothing. */
  private static final java.util.Set<String> NOT_NAME_WORDS =
      java.util.Set.of("The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "And", "But");

  private final Gazetteer gazetteer;

  OrganizationProposer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public List<Proposal> propose(ProposalInput input) {
    String text = input.text();
    List<GazetteerMatch> matches = gazetteer.find(text);
    List<Proposal> out = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    chineseForeignMinistries(input, matches, taken, out);
    for (GazetteerMatch m : matches) {
      GazetteerEntry e = m.entry();
      if (!GazetteerData.ORG_KINDS.contains(e.kind()) || !free(taken, m.start(), m.end())) {
        continue;
      }
      taken.add(new int[] {m.start(), m.end()});
      out.add(
          proposal(
              input,
              m.start(),
              m.end(),
              e.nameEn(),
              e.nameZh(),
              e.kind(),
              e.country(),
              e.id(),
              0.9));
    }
    for (Bureaus.Bureau b : Bureaus.find(gazetteer, text, matches)) {
      if (b.id() == null && free(taken, b.start(), b.end())) {
        taken.add(new int[] {b.start(), b.end()});
        out.add(
            proposal(
                input,
                b.start(),
                b.end(),
                b.nameEn(),
                b.nameZh(),
                "public_security_bureau",
                "CN",
                null,
                0.75));
      }
    }
    chineseAssociations(input, taken, out);
    englishAssociations(input, taken, out);
    chineseMedia(input, taken, out);
    englishNames(input, EN_MEDIA, "media_outlet", taken, out);
    englishNames(input, EN_AGENCY, "host_state_agency", taken, out);
    return out;
  }

  /** "荷兰外交部": a country other than China written right before a ministry. */
  private void chineseForeignMinistries(
      ProposalInput input, List<GazetteerMatch> matches, List<int[]> taken, List<Proposal> out) {
    String text = input.text();
    for (GazetteerMatch m : matches) {
      GazetteerEntry e = m.entry();
      if (!e.kind().equals("country") || "CN".equals(e.country()) || gazetteer.isAdjective(m)) {
        continue;
      }
      Matcher suffix =
          ZH_MINISTRY_SUFFIX.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 4)));
      if (!GazetteerData.hasHan(m.surface()) || !suffix.find()) {
        continue;
      }
      int end = m.end() + suffix.end();
      taken.add(new int[] {m.start(), end});
      String name = ChineseScript.toSimplified(text.substring(m.start(), end));
      out.add(proposal(input, m.start(), end, name, name, "ministry", e.country(), null, 0.75));
    }
  }

  /** 《欧华时报》 and 环海通讯社: Chinese news outlets by title marks or by their suffix. */
  private void chineseMedia(ProposalInput input, List<int[]> taken, List<Proposal> out) {
    String text = input.text();
    Matcher t = ZH_TITLE.matcher(text);
    while (t.find()) {
      addZhMedia(input, t.start(1), t.end(1), taken, out);
    }
    Matcher m = ZH_MEDIA.matcher(text);
    while (m.find()) {
      int start = m.start();
      while (start > 0
          && m.start() - start < 6
          && GazetteerData.hasHan(text.substring(start - 1, start))
          && MEDIA_STOP.indexOf(text.charAt(start - 1)) < 0) {
        start--;
      }
      if (m.start() - start >= 2) {
        addZhMedia(input, start, m.end(), taken, out);
      }
    }
  }

  private void addZhMedia(
      ProposalInput input, int start, int end, List<int[]> taken, List<Proposal> out) {
    String raw = input.text().substring(start, end);
    if (!free(taken, start, end) || ZH_GENERIC.matcher(raw).find()) {
      return;
    }
    taken.add(new int[] {start, end});
    String name = ChineseScript.toSimplified(raw);
    out.add(proposal(input, start, end, name, name, "media_outlet", null, null, 0.6));
  }

  /** Capitalised English names by a pattern (group 1 or 2), without a leading "The" or "In". */
  private void englishNames(
      ProposalInput input, Pattern pattern, String kind, List<int[]> taken, List<Proposal> out) {
    String text = input.text();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int g = m.group(1) != null ? 1 : 2;
      int start = m.start(g);
      int end = m.end(g);
      String name = text.substring(start, end);
      int space = name.indexOf(' ');
      while (space > 0 && NOT_NAME_WORDS.contains(name.substring(0, space))) {
        start += space + 1;
        name = name.substring(space + 1);
        space = name.indexOf(' ');
      }
      if (name.indexOf(' ') < 0 || ORIGIN_WORDS.matcher(name).find() || !free(taken, start, end)) {
        continue;
      }
      taken.add(new int[] {start, end});
      String cc = kind.equals("host_state_agency") ? countryIn(name) : null;
      String k = name.startsWith("Ministry") || name.startsWith("Department") ? "ministry" : kind;
      out.add(proposal(input, start, end, name, null, k, cc, null, 0.6));
    }
  }

  private void chineseAssociations(ProposalInput input, List<int[]> taken, List<Proposal> out) {
    String text = input.text();
    Matcher m = ZH_ASSOCIATION.matcher(text);
    while (m.find()) {
      int start = m.start();
      while (start > 0
          && m.start() - start < 10
          && GazetteerData.hasHan(text.substring(start - 1, start))
          && STOP.indexOf(text.charAt(start - 1)) < 0) {
        start--;
      }
      if (m.start() - start < 2
          || !free(taken, start, m.end())
          || ZH_GENERIC.matcher(text.substring(start, m.start())).find()) {
        continue;
      }
      taken.add(new int[] {start, m.end()});
      String name = ChineseScript.toSimplified(text.substring(start, m.end()));
      out.add(
          proposal(
              input,
              start,
              m.end(),
              name,
              name,
              "hometown_association",
              countryIn(text.substring(start, m.start())),
              null,
              0.7));
    }
  }

  private void englishAssociations(ProposalInput input, List<int[]> taken, List<Proposal> out) {
    String text = input.text();
    Matcher m = EN_ASSOCIATION.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      String name = text.substring(start, end);
      if (name.startsWith("The ")) {
        start += 4;
        name = name.substring(4);
      }
      if (!free(taken, start, end)) {
        continue;
      }
      taken.add(new int[] {start, end});
      boolean hometown = name.matches("(?s).*(Hometown|Fellow|Clansmen|Overseas Chinese).*");
      boolean chinese = hometown || name.contains("Chinese");
      out.add(
          proposal(
              input,
              start,
              end,
              name,
              null,
              hometown || chinese ? "hometown_association" : "other",
              countryIn(name),
              null,
              chinese ? 0.7 : 0.6));
    }
  }

  /** The first country (or a city's country) named inside an organisation's name, not China. */
  private @Nullable String countryIn(String name) {
    for (GazetteerMatch g : gazetteer.find(name)) {
      String cc = g.entry().country();
      if ((g.entry().kind().equals("country") || g.entry().kind().equals("city"))
          && cc != null
          && !cc.equals("CN")) {
        return cc;
      }
    }
    return null;
  }

  private static boolean free(List<int[]> taken, int start, int end) {
    for (int[] t : taken) {
      if (start < t[1] && t[0] < end) {
        return false;
      }
    }
    return true;
  }

  private static Proposal proposal(
      ProposalInput input,
      int start,
      int end,
      String name,
      @Nullable String nameZh,
      String kind,
      @Nullable String country,
      @Nullable String id,
      double confidence) {
    Fields f =
        new Fields()
            .put("name", name)
            .put("nameZh", nameZh)
            .put("orgKind", kind)
            .put("country", country)
            .put("gazetteerId", id);
    return new Proposal(
        ProposalKind.ORGANIZATION,
        SourceSpan.of(input.sourceId(), input.text(), start, end),
        f.map(),
        confidence);
  }
}
