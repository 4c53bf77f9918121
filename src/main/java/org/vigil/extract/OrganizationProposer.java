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
 *       it says so, else other
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
    for (GazetteerMatch m : matches) {
      GazetteerEntry e = m.entry();
      if (!GazetteerData.ORG_KINDS.contains(e.kind())) {
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
    return out;
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
      if (m.start() - start < 2 || !free(taken, start, m.end())) {
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
