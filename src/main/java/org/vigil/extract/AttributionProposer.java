package org.vigil.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes who says what: "X said", "according to X, which cited Y", "据X援引Y报道". The chain runs from
 * the origin to the outermost relaying party named in the sentence ("Y reported, citing X" gives
 * [X, Y]); the document's own publisher is added later by the caller.
 *
 * <p>Parties must be named organisations, outlets or official roles. A private person's name is
 * never proposed: a capitalised "First Last" with no organisational word becomes {@value
 * #PERSON_QUOTED}.
 *
 * <p>The rules work from anchor words (said, according to, 表示, 据…): each anchor costs one bounded
 * look at the text around it, so the work stays linear in the text length.
 */
final class AttributionProposer implements ProposalExtractor {
  static final String PERSON_QUOTED = "a person quoted";

  /** Past this many anchors a text is junk; the rest is left unproposed (see QuantityProposer). */
  static final int MAX_ANCHORS = 5_000;

  private static final int WINDOW = 160;

  // ---- English party grammar (case-sensitive: capitals tell names from ordinary words) ----
  private static final String CAPW = "(?:[A-Z][A-Za-z'’&.-]{0,30})";
  private static final String NAME =
      CAPW + "(?:\\s+(?:(?:of|for|de|on|the)\\s+){0,2}" + CAPW + "){0,6}";
  private static final String ROLE =
      "(?i:police|prosecutors?|officials?|authorities|ministry|government|spokes(?:person|man"
          + "|woman)|media|report|investigators?|NGO|group|outlet|newspaper|broadcaster|agency"
          + "|wire\\s+service|service|embassy|consulate|researchers?|organi[sz]ation|campaigners"
          + "|lawmakers|court|statement|office|department|bureau|council|watchdog|journalists"
          + "|reporters|daily|network|paper|magazine|website|diplomats|regulator|mayor|minister"
          + "|prosecutor's\\s+office|study|investigation|survey)(?![A-Za-z])";
  private static final Pattern ROLE_WORD = Pattern.compile("\\b" + ROLE);
  private static final String ORGPHRASE =
      "(?:" + CAPW + "\\s+){0,3}(?:[a-z][a-z-]{0,20}\\s+){0,2}" + ROLE;
  private static final String DET = "(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\\s+";

  private static String party(String g) {
    return "(?<p"
        + g
        + ">(?:"
        + DET
        + ")?(?:"
        + ORGPHRASE
        + "(?:\\s+(?:for|of|at|from|in|by)\\s+(?:"
        + DET
        + ")?(?:"
        + ORGPHRASE
        + "|"
        + NAME
        + "))?(?<tail"
        + g
        + ">\\s+"
        + NAME
        + ")?|"
        + NAME
        + "))";
  }

  private static final Pattern PARTY_AT_END = Pattern.compile(party("A") + "\\s*,?\\s*$");
  private static final Pattern PARTY_CITING_AT_END =
      Pattern.compile(
          party("A")
              + "\\s*,\\s*(?:citing|quoting)\\s+"
              + "(?:(?:an?|the)\\s+(?:report|statement|study)\\s+(?:from|by)\\s+)?"
              + party("B")
              + "\\s*,\\s*$");
  private static final Pattern PARTY_AT_START = Pattern.compile(party("A"));
  private static final Pattern RELAY =
      Pattern.compile(
          "\\s*,?\\s*(?:citing|quoting|relaying|which\\s+(?:cited|quoted|relayed|relays|relies\\s+on"
              + "|relied\\s+on)|who\\s+(?:cited|quoted)|based\\s+on)\\s+"
              + "(?:(?:an?|the)\\s+(?:(?:new|recent|latest)\\s+)?(?:report|statement|study|survey"
              + "|data|figures|article|story)\\s+(?:from|by|of)\\s+)?");
  private static final Pattern ANCHOR_EN =
      Pattern.compile(
          "\\b(?:(said|says|stated|announced|claimed|alleged|confirmed|wrote|reported|reports"
              + "|found|estimated|counted|told|cited|quoted|relays|relayed)|([Aa]ccording\\s+to))"
              + "\\b");
  private static final Pattern REPORT_BY =
      Pattern.compile(
          "^(?:[Aa]n?|[Tt]he)\\s+(?:(?:new|recent|latest)\\s+)?(?:report|statement|study|survey"
              + "|investigation)\\s+(?:by|from|of)\\s+(?:the\\s+)?");
  private static final Set<String> NOT_A_PARTY =
      Set.of(
          "He",
          "She",
          "They",
          "It",
          "We",
          "I",
          "You",
          "However",
          "But",
          "And",
          "The",
          "This",
          "That",
          "These",
          "Those",
          "There",
          "In",
          "On",
          "At",
          "As",
          "When",
          "While",
          "Also",
          "Meanwhile",
          "Separately",
          "Earlier",
          "Later",
          "Then",
          "His",
          "Her",
          "Their",
          "Its",
          "One",
          "Some",
          "Many",
          "Others",
          "Sources",
          "Witnesses",
          "Residents",
          "Who",
          "What",
          "Monday",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sunday");
  private static final Set<String> ORG_WORDS =
      Set.of(
          "defenders",
          "watch",
          "international",
          "news",
          "times",
          "post",
          "press",
          "radio",
          "television",
          "tv",
          "agency",
          "institute",
          "foundation",
          "centre",
          "center",
          "network",
          "union",
          "council",
          "committee",
          "party",
          "front",
          "department",
          "ministry",
          "office",
          "bureau",
          "police",
          "court",
          "parliament",
          "congress",
          "security",
          "affairs",
          "rights",
          "amnesty",
          "freedom",
          "house",
          "human",
          "daily",
          "herald",
          "journal",
          "guardian",
          "group",
          "association",
          "federation",
          "university",
          "college",
          "government",
          "state",
          "republic",
          "kingdom",
          "service",
          "services",
          "asia",
          "europe",
          "commission",
          "board",
          "tribune",
          "telegraph",
          "gazette",
          "monitor",
          "observer",
          "review",
          "magazine",
          "broadcasting",
          "corporation",
          "media",
          "report",
          "public",
          "national",
          "federal",
          "general",
          "embassy",
          "consulate",
          "authority",
          "directorate",
          "inspectorate",
          "fund",
          "society",
          "alliance",
          "coalition",
          "initiative",
          "project",
          "lab",
          "labs",
          "insider",
          "free",
          "voice",
          "america",
          "global",
          "world",
          "chinese",
          "china",
          "dutch",
          "spanish");
  private static final Set<String> KNOWN_SINGLE =
      Set.of(
          "Reuters",
          "Interpol",
          "Europol",
          "Xinhua",
          "Bloomberg",
          "Politico",
          "Caixin",
          "Kyodo",
          "Yonhap",
          "Euronews",
          "Beijing",
          "Washington",
          "Amnesty",
          "Reporters",
          "Prosecutors",
          "Police",
          "Officials",
          "Authorities",
          "Investigators");

  // ---- Chinese ----
  private static final String CN_STOP = "，。,；;：:！？!?“”「」《》『』（）()\n\r";
  private static final Pattern JU_VERB = Pattern.compile("报道|报导|消息|称|表示|透露|统计|披露|指出|显示|介绍");
  private static final Pattern SAY_CN = Pattern.compile("(声称|宣称|表示|指出|透露|报道|报导|发现|证实|援引|引述|称|说)");
  private static final Pattern CN_SPLIT = Pattern.compile("援引|引述|引用");
  private static final Pattern CN_OF_REPORT =
      Pattern.compile("的?(?:最新|一份|新)?(?:报告|报道|报导|消息|数据|统计|说法|调查)?$");
  private static final Pattern CN_LEAD = Pattern.compile("^(?:另据|另外|此外|但是|但|而|同时|对此|随后|当天|此前|另)+");
  private static final Pattern CN_TRAIL =
      Pattern.compile(
          "(?:周[一二三四五六日]|星期[一二三四五六日天]|今天|昨天|昨日|日前|近日|此前|也|还|则|曾|再次|早些时候"
              + "|在一份声明中|在声明中|在报告中|在其报告中|\\d{1,2}日|[一二三四五六七八九十]{1,3}日)+$");
  private static final Pattern CN_ROLE_NAME =
      Pattern.compile("(.*(?:发言人|官员|部长|局长|主任|大使|负责人|主席|总统|总理))[\\u4e00-\\u9fff]{2,3}$");
  private static final Pattern CN_PARTY =
      Pattern.compile(
          ".*(?:部|局|署|厅|委员会|委|政府|警方|警察|检方|检察官|检察院|法院|媒体|官媒|通讯社|社|电台|电视台|台|报|网"
              + "|组织|机构|中心|协会|大使馆|使馆|领事馆|发言人|官员|当局|人员|议员|团体|卫士|基金会|研究所|智库|办公室"
              + "|办事处|部门|新闻|日报|时报|周刊|杂志|官方|大学|之音)");
  private static final Pattern LATIN_NAME = Pattern.compile("[A-Za-z][A-Za-z .&'’-]{0,60}");

  private record Party(int start, int end, String label) {}

  private record Chain(List<Party> outerFirst, String verb, int start, int end) {}

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

  private List<Proposal> run(ProposalInput input) {
    String t = TextNorm.of(input.text());
    List<Chain> chains = new ArrayList<>();
    english(t, chains);
    chinese(t, chains);
    chains.sort(
        Comparator.comparingInt(Chain::start).thenComparingInt(c -> -(c.end() - c.start())));
    chains = joinLeadIns(t, chains);
    List<Proposal> out = new ArrayList<>();
    int reach = -1;
    for (Chain c : chains) {
      if (c.end() <= reach) {
        continue; // inside a longer attribution already proposed ("which cited" in a chain)
      }
      reach = Math.max(reach, c.end());
      List<String> chain = new ArrayList<>();
      for (int i = c.outerFirst().size() - 1; i >= 0; i--) {
        chain.add(c.outerFirst().get(i).label());
      }
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("chain", chain);
      fields.put("verb", List.of(c.verb()));
      boolean person = chain.contains(PERSON_QUOTED);
      out.add(
          new Proposal(
              ProposalKind.ATTRIBUTION,
              SourceSpan.of(input.sourceId(), input.text(), c.start(), c.end()),
              fields,
              person ? 0.4 : chain.size() > 1 ? 0.7 : 0.6));
    }
    return out;
  }

  /**
   * "据X报道，Y援引Z称…" and "According to X, Y said …": the lead-in names the outlet that relays the
   * whole attribution after it, so the two chains are one, X outermost.
   */
  private static List<Chain> joinLeadIns(String t, List<Chain> sorted) {
    List<Chain> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Chain c = sorted.get(i);
      boolean leadIn = c.verb().startsWith("据") || c.verb().equals("according_to");
      if (leadIn && i + 1 < sorted.size()) {
        Chain n = sorted.get(i + 1);
        if (n.start() >= c.end()
            && n.start() - c.end() <= 3
            && LEAD_IN_GAP.matcher(t.substring(c.end(), n.start())).matches()) {
          List<Party> parties = new ArrayList<>(c.outerFirst());
          parties.addAll(n.outerFirst());
          out.add(new Chain(parties, c.verb(), c.start(), n.end()));
          i++;
          continue;
        }
      }
      out.add(c);
    }
    return out;
  }

  private static final Pattern LEAD_IN_GAP = Pattern.compile("\\s*[，,]\\s*");

  // ---------------------------------------------------------------- English

  private static void english(String t, List<Chain> out) {
    Matcher a = ANCHOR_EN.matcher(t);
    int anchors = 0;
    while (a.find() && anchors++ < MAX_ANCHORS) {
      int sStart = SentenceBounds.start(t, a.start());
      int sEnd = SentenceBounds.end(t, a.end());
      Chain c =
          a.group(2) != null ? accordingTo(t, a, sEnd) : speech(t, a, sStart, sEnd, a.group(1));
      if (c != null) {
        out.add(c);
      }
    }
  }

  private static @Nullable Chain accordingTo(String t, Matcher a, int sEnd) {
    Party p = partyAt(t, skipReportBy(t, a.end(), sEnd), sEnd);
    if (p == null) {
      return null;
    }
    List<Party> parties = new ArrayList<>(List.of(p));
    int end = relays(t, p.end(), sEnd, parties, false);
    return new Chain(parties, "according_to", a.start(), end);
  }

  private static @Nullable Chain speech(String t, Matcher a, int sStart, int sEnd, String verb) {
    String code =
        switch (verb) {
          case "reported", "reports" -> "reported";
          case "found", "estimated", "counted" -> "found";
          case "told" -> "told";
          case "cited", "quoted", "relays", "relayed" -> "cited";
          default -> "said";
        };
    int wStart = Math.max(sStart, a.start() - WINDOW);
    String window = t.substring(wStart, a.start());
    List<Party> parties = new ArrayList<>();
    int start = a.start();
    Matcher citing = PARTY_CITING_AT_END.matcher(window);
    Matcher before = PARTY_AT_END.matcher(window);
    if (citing.find()) {
      // "X, citing Y, reported": X relays Y
      Party x = party(t, wStart + citing.start("pA"), wStart + citing.end("pA"), citing, "A");
      Party y = party(t, wStart + citing.start("pB"), wStart + citing.end("pB"), citing, "B");
      if (x == null || y == null) {
        return null;
      }
      parties.add(x);
      parties.add(y);
      start = x.start();
    } else if (before.find()) {
      Party x = party(t, wStart + before.start("pA"), wStart + before.end("pA"), before, "A");
      if (x == null) {
        return null;
      }
      parties.add(x);
      start = x.start();
    } else if (code.equals("said") || code.equals("reported") || code.equals("told")) {
      // '"…," said a spokesperson for the ministry': the party follows the verb
      int k = a.start() - 1;
      while (k >= sStart && t.charAt(k) == ' ') {
        k--;
      }
      if (k < sStart || ",\"”’'".indexOf(t.charAt(k)) < 0) {
        return null;
      }
      Party x = partyAt(t, a.end(), sEnd);
      if (x == null) {
        return null;
      }
      return new Chain(List.of(x), code, a.start(), x.end());
    } else {
      return null;
    }
    int end = a.end();
    if (code.equals("cited")) {
      // "X cited Y", "the outlet relays a wire service which relays the NGO"
      Party y = partyAt(t, skipReportBy(t, a.end(), sEnd), sEnd);
      if (y == null) {
        return null;
      }
      parties.add(y);
      end = relays(t, y.end(), sEnd, parties, false);
    } else if (code.equals("told")) {
      Party y = partyAt(t, a.end(), sEnd);
      if (y != null
          && !y.label().equals(PERSON_QUOTED)
          && !y.label().matches("(?i).*(reporters|journalists)")) {
        parties.add(0, y); // the one told relays the teller: outer
        end = y.end();
      }
    } else {
      end = relays(t, a.end(), sEnd, parties, true);
    }
    return new Chain(parties, code, start, end);
  }

  /** Follows "citing Y", "which cited Z" after {@code from}, appending deeper parties. */
  private static int relays(String t, int from, int sEnd, List<Party> parties, boolean search) {
    int end = from;
    Matcher r = RELAY.matcher(t);
    for (int hop = 0; hop < 4; hop++) {
      r.region(end, Math.min(sEnd, end + 100));
      boolean found = hop == 0 && search ? r.find() : r.lookingAt();
      if (!found) {
        break;
      }
      Party p = partyAt(t, r.end(), sEnd);
      if (p == null) {
        break;
      }
      parties.add(p);
      end = p.end();
    }
    return Math.max(end, from);
  }

  private static int skipReportBy(String t, int from, int sEnd) {
    int k = from;
    while (k < sEnd && t.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  private static @Nullable Party partyAt(String t, int from, int sEnd) {
    int k = skipReportBy(t, from, sEnd);
    if (k >= sEnd) {
      return null;
    }
    Matcher m = PARTY_AT_START.matcher(t).region(k, Math.min(sEnd, k + WINDOW));
    if (!m.lookingAt()) {
      return null;
    }
    return party(t, m.start("pA"), m.end("pA"), m, "A");
  }

  /** A party from a match: the label cleaned, a private person replaced, pronouns refused. */
  private static @Nullable Party party(String t, int start, int end, Matcher m, String g) {
    String text = t.substring(start, end);
    int tailStart = m.start("tail" + g);
    if (tailStart >= 0 && looksLikePerson(m.group("tail" + g).strip())) {
      // "spokesperson Jane Doe": keep the role, drop the name
      end = start + (tailStart - m.start("p" + g));
      text = t.substring(start, end);
    }
    Matcher rb = REPORT_BY.matcher(text);
    if (rb.find()) {
      start += rb.end();
      text = text.substring(rb.end());
    }
    String first = text.split("\\s+", 2)[0];
    if (text.isEmpty() || NOT_A_PARTY.contains(first) && !text.contains(" ")) {
      return null;
    }
    if (NOT_A_PARTY.contains(first) && !first.equals("The")) {
      return null;
    }
    String label = text;
    if (label.startsWith("The ") || label.startsWith("A ") || label.startsWith("An ")) {
      label = Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    if (looksLikePerson(label)) {
      label = PERSON_QUOTED;
    }
    return new Party(start, end, label);
  }

  /**
   * "Jane Doe", "Doe", "Mr Doe": capitalised words with nothing organisational about them. Single
   * words are treated as names unless they are acronyms (BBC) or well-known bodies (Reuters): a
   * surname must not slip through as an organisation.
   */
  static boolean looksLikePerson(String label) {
    if (label.isEmpty() || !Character.isUpperCase(label.charAt(0))) {
      return false;
    }
    if (ROLE_WORD.matcher(label).find()) {
      return false;
    }
    String[] words = label.split("\\s+");
    if (words.length > 3) {
      return false;
    }
    for (String w : words) {
      String lw = w.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
      if (ORG_WORDS.contains(lw)
          || w.length() >= 2 && w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
        return false;
      }
      if (!Character.isUpperCase(w.charAt(0))) {
        return false; // "the ..." is a description, not a name
      }
    }
    return !(words.length == 1 && KNOWN_SINGLE.contains(words[0]));
  }

  // ---------------------------------------------------------------- Chinese

  private static void chinese(String t, List<Chain> out) {
    int anchors = 0;
    // 据X(援引Y)报道: scanned by hand from each 据 to the clause end, so a run of 据 costs a
    // bounded look each instead of a backtracking regex attempt at every position.
    Matcher v = JU_VERB.matcher(t);
    for (int p = t.indexOf('据'); p >= 0 && anchors++ < MAX_ANCHORS; p = t.indexOf('据', p + 1)) {
      int bodyStart = p + 1;
      int limit = Math.min(t.length(), bodyStart + 41);
      int stop = bodyStart;
      while (stop < limit && CN_STOP.indexOf(t.charAt(stop)) < 0) {
        stop++;
      }
      if (stop <= bodyStart + 1) {
        continue;
      }
      v.region(bodyStart + 1, stop);
      String verb;
      int bodyEnd;
      int end;
      if (v.find()) {
        verb = v.group();
        bodyEnd = v.start();
        end = v.end();
      } else if (stop < limit && "，,。".indexOf(t.charAt(stop)) >= 0) {
        verb = ""; // "据保护卫士的报告，…"
        bodyEnd = stop;
        end = stop;
      } else {
        continue;
      }
      List<Party> parties = cnParties(t.substring(bodyStart, bodyEnd), bodyStart);
      if (parties != null) {
        out.add(
            new Chain(
                parties, verb.isEmpty() ? "据" : "据…" + (verb.equals("报导") ? "报道" : verb), p, end));
      }
    }
    anchors = 0;
    Matcher say = SAY_CN.matcher(t);
    while (say.find() && anchors++ < MAX_ANCHORS) {
      int clause = say.start();
      int limit = Math.max(0, say.start() - 40);
      while (clause > limit
          && CN_STOP.indexOf(t.charAt(clause - 1)) < 0
          && t.charAt(clause - 1) != '\n') {
        clause--;
      }
      String body = t.substring(clause, say.start());
      String verb = say.group(1);
      if (body.isEmpty() || body.startsWith("据") || body.startsWith("据", 1)) {
        continue; // the 据 rule handles these
      }
      if (verb.equals("援引") || verb.equals("引述")) {
        // "X援引Y的报告" with no speech verb after it
        int e = say.end();
        int stop = Math.min(t.length(), e + 40);
        while (e < stop && CN_STOP.indexOf(t.charAt(e)) < 0) {
          e++;
        }
        List<Party> ps = cnParties(t.substring(clause, e), clause);
        if (ps != null && ps.size() == 2) {
          out.add(new Chain(ps, "cited", clause, e));
        }
        continue;
      }
      List<Party> parties = cnParties(body, clause);
      if (parties != null) {
        String code =
            switch (verb) {
              case "声称", "宣称", "称" -> "称";
              case "报导" -> "报道";
              default -> verb;
            };
        out.add(new Chain(parties, code, clause, say.end()));
      }
    }
  }

  /** "X" or "X援引Y的报告" as parties outer first, or null when any part is not a named party. */
  private static @Nullable List<Party> cnParties(String body, int at) {
    Matcher split = CN_SPLIT.matcher(body);
    List<Party> parties = new ArrayList<>();
    if (split.find()) {
      Party outer = cnParty(body.substring(0, split.start()), at);
      Party inner = cnParty(body.substring(split.end()), at + split.end());
      if (outer == null || inner == null) {
        return null;
      }
      parties.add(outer);
      parties.add(inner);
    } else {
      Party p = cnParty(body, at);
      if (p == null) {
        return null;
      }
      parties.add(p);
    }
    return parties;
  }

  private static @Nullable Party cnParty(String raw, int at) {
    String s = raw.strip();
    int lead = raw.indexOf(s);
    Matcher m = CN_LEAD.matcher(s);
    if (m.find()) {
      lead += m.end();
      s = s.substring(m.end());
    }
    s = CN_TRAIL.matcher(s).replaceFirst("");
    s = CN_OF_REPORT.matcher(s).replaceFirst("");
    Matcher rn = CN_ROLE_NAME.matcher(s);
    if (rn.matches() && !CN_PARTY.matcher(s).matches()) {
      s = rn.group(1); // "外交部发言人某某": the role, not the name
    }
    s = s.strip();
    if (s.isEmpty() || s.length() > 30) {
      return null;
    }
    boolean latin = LATIN_NAME.matcher(s).matches();
    if (latin) {
      if (looksLikePerson(s) || NOT_A_PARTY.contains(s)) {
        return null;
      }
    } else if (!CN_PARTY.matcher(s).matches()) {
      return null; // "该报道", "他", "王先生": no named party
    }
    return new Party(at + lead, at + lead + s.length(), s);
  }
}
