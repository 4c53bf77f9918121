package org.vigil.extract;

import java.util.ArrayList;
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
  private static final String CAPW = "(?:\\p{Lu}[\\p{L}'’&.-]{0,30})";
  private static final String NAME =
      CAPW + "(?:\\s+(?:(?:of|for|de|on|the|and)\\s+){0,2}" + CAPW + "){0,6}";
  private static final String ROLE =
      "(?i:police|prosecutors?|officials?|authorities|ministry|government|spokes(?:person|man"
          + "|woman)|media|report|investigators?|NGO|group|outlet|newspaper|broadcaster|agency"
          + "|wire\\s+service|service|embassy|consulate|researchers?|organi[sz]ation|campaigners"
          + "|lawmakers|court|statement|office|department|bureau|council|watchdog|journalists"
          + "|reporters|daily|weekly|tabloid|network|paper|magazine|website|diplomats|regulator|mayor|minister"
          + "|prosecutor's\\s+office|study|investigation|survey|foundation|charity|institute"
          + "|association|federation|committee|commission)(?![A-Za-z])";
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
  private static final Pattern PARTY_WHICH_AT_END =
      Pattern.compile(party("A") + "\\s*,\\s*(?:which|who)\\s+(?:has\\s+|had\\s+|also\\s+)?$");

  /** What a body publishes: "a report by X", "research by X", "an X dispatch". */
  private static final String REPORT_NOUN =
      "(?:report|statement|study|survey|data|figures|article|story|research|findings|count"
          + "|update|list|analysis|dispatch|bulletin|broadcast|investigation)";

  private static final Pattern RELAY =
      Pattern.compile(
          "(?:\\s+"
              + REPORT_NOUN
              + ")?"
              + "\\s*,?\\s*(?:citing|quoting|relaying|(?:which|that)\\s+(?:cited|quoted|relayed|relays|relies\\s+on"
              + "|relied\\s+on)|who\\s+(?:cited|quoted)|based\\s+on)\\s+"
              + "(?:(?:(?:an?|the)\\s+)?(?:(?:new|recent|latest|first|second|September|October"
              + "|November|December)\\s+)?"
              + REPORT_NOUN
              + "\\s+(?:(?:published|released|compiled|issued)\\s+(?:(?:in|on|last|this)\\s+\\p{L}{3,12}\\s+)?)?(?:from|by|of)\\s+)?");
  private static final Pattern ANCHOR_EN =
      Pattern.compile(
          "\\b(?:(said|says|stated|announced|claimed|alleged|confirmed|wrote|reported|reports"
              + "|found|estimated|counted|told|cited|quoted|relays|relayed|lists)(?!\\s+by\\s)|([Aa]ccording\\s+to)"
              + "|((?:[Ff]ollowing|[Aa]fter|[Ii]n|[Pp]rompted\\s+by)\\s+(?:an?|the)\\s+(?:(?:new|recent"
              + "|latest|first)\\s+)?(?:report|study|investigation|count)\\s+(?:by|from)"
              + "|(?:listed|identified|documented|exposed|named|counted|reported|revealed)\\s+by))"
              + "\\b");
  private static final Pattern REPORT_BY =
      Pattern.compile(
          "^(?:(?:[a-z]{1,12}|January|February|March|April|May|June|July|August|September"
              + "|October|November|December)\\s+){0,3}?(?:(?:[Aa]n?|[Tt]he)\\s+)?"
              + "(?:(?:new|recent|latest|first)\\s+)?"
              + "(?:[Rr]eport|statement"
              + "|study|survey|investigation|[Rr]esearch|count|update|list|analysis|findings)\\s+"
              + "(?:(?:published|released|compiled|issued)\\s+(?:(?:in|on|last|this)\\s+\\p{L}{3,12}\\s+)?)?(?:by|from|of)\\s+(?:the\\s+)?");
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
          "Sunday",
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");
  private static final Set<String> ORG_WORDS =
      Set.of(
          "defenders",
          "watch",
          "wire",
          "ledger",
          "chronicle",
          "courier",
          "dispatch",
          "bulletin",
          "mail",
          "standard",
          "mirror",
          "globe",
          "examiner",
          "inquirer",
          "sentinel",
          "garda",
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
  private static final Pattern SAY_CN =
      Pattern.compile("(声称|宣称|表示|指出|透露|报道|报导|发现|证实|宣布|援引|引述|转引|称|介绍(?=[，,：:])|说(?![明法服]))");
  private static final Pattern CN_SPLIT = Pattern.compile("援引|引述|引用|转引");
  private static final Pattern CN_OF_REPORT =
      Pattern.compile(
          "(?:(?:发布|公布|发表|公开|提交|披露)的?)?的?(?:最新|一份|新|首份)?(?:报告|报道|报导|消息|数据|资料|材料|统计"
              + "|说法|调查|研究|文件|起诉书|声明|公告|通报|名单)?$");
  private static final Pattern CN_LEAD = Pattern.compile("^(?:另据|另外|此外|但是|但|而|同时|对此|随后|当天|此前|另)+");
  private static final Pattern CN_TRAIL =
      Pattern.compile(
          "(?:周[一二三四五六日]|星期[一二三四五六日天]|今天|昨天|昨日|日前|近日|此前|也|还|则|曾|再次|早些时候"
              + "|在?(?:去年|今年|前年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}日|[一二三四五六七八九十]{1,3}日)?"
              + "|同日|当日|当天|月初|月底|中旬|随后|去年|今年|前年|上月|本月|上周|本周|近年|近期|近来|最近"
              + "|在(?:一份|其|最新的?|新)?(?:声明|报告|文件|调查|文章|通报)中|\\d{1,2}日|[一二三四五六七八九十]{1,3}日)+$");
  private static final Pattern CN_ROLE_NAME =
      Pattern.compile("(.*(?:发言人|官员|部长|局长|主任|大使|负责人|主席|总统|总理))[\\u4e00-\\u9fff]{2,3}$");
  private static final Pattern CN_PARTY =
      Pattern.compile(
          ".*(?:部|局|署|厅|委员会|委|政府|警方|警察|检方|检察官|检察院|法院|媒体|官媒|通讯社|社|电台|电视台|台|报|网"
              + "|组织|机构|中心|协会|大使馆|使馆|领事馆|发言人|官员|当局|人员|议员|团体|卫士|基金会|研究所|智库|办公室"
              + "|办事处|部门|新闻|日报|时报|周刊|杂志|官方|大学|之音|骑警|观察|快讯|侨讯|资讯|通讯|频道|之声|公安处|负责人)");

  /** "…发布报告", "…发表了一份声明": a clause that publishes, before "，称". */
  private static final Pattern CN_PUBLISHED_END =
      Pattern.compile("(?:发布|公布|发表|公开)了?(?:一份|一项|最新|新)?(?:的)?(?:报告|声明|调查报告|调查|文章|名单)$");

  private static final Pattern CN_REPORT_ITSELF =
      Pattern.compile("(?:该|同一|这份|此|其)?(?:报告|报道|报导|文章|该文)");
  private static final Pattern LATIN_NAME =
      Pattern.compile("[\\p{IsLatin}][\\p{IsLatin} .&'’-]{0,60}");

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
    Bodies bodies = Bodies.scan(t);
    OwnOutlet own = OwnOutlet.of(t);
    List<List<String>> earlier = new ArrayList<>();
    for (Chain c : chains) {
      if (c.end() <= reach) {
        continue; // inside a longer attribution already proposed ("which cited" in a chain)
      }
      if (onListItem(t, c.start())) {
        continue; // a related-link or most-read headline: furniture, not the article's claim
      }
      reach = Math.max(reach, c.end());
      List<String> chain = new ArrayList<>();
      for (int i = c.outerFirst().size() - 1; i >= 0; i--) {
        Party party = c.outerFirst().get(i);
        String named = bodies.resolve(party.label(), party.start());
        if (named != null && own.is(named, party.label())) {
          continue; // the page's own outlet never appears in a chain ("told the Monitor")
        }
        if (named != null && !chain.contains(named)) {
          chain.add(named); // unnamed parties start no chain and relay nothing
        }
      }
      if (chain.isEmpty()) {
        continue;
      }
      if (chain.size() == 1) {
        // "the group said" after "X reported, citing the group": the lead's chain continues
        // the relayed lead is the longest earlier chain from the same origin
        boolean reportItself =
            c.outerFirst().size() == 1
                && CN_REPORT_ITSELF.matcher(c.outerFirst().get(0).label()).matches();
        for (List<String> e : earlier) {
          boolean continues =
              e.get(0).equals(chain.get(0)) || reportItself && e.contains(chain.get(0));
          if (continues && e.size() > chain.size()) {
            chain = e; // "报道称" after a three-link lead: the relaying outlet's article goes on
          }
        }
      }
      if (chain.size() == 1 && BY_AGENT.matcher(t).region(c.start(), c.end()).lookingAt()) {
        // "stations listed by X, the Y reported, citing X": the sentence's relay of the same
        // origin carries this too (a speech verb, "X says", stays X's own statement)
        int sStart = SentenceBounds.start(t, c.start());
        int sEnd = SentenceBounds.end(t, c.end());
        for (Chain later : chains) {
          if (later != c && later.start() >= sStart && later.end() <= sEnd) {
            List<String> longer = named(bodies, later);
            if (longer.size() > 1 && longer.get(0).equals(chain.get(0))) {
              chain = longer;
              break;
            }
          }
        }
      }
      earlier.add(chain);
      Map<String, List<String>> fields = new LinkedHashMap<>();
      fields.put("chain", chain);
      fields.put("verb", List.of(c.verb()));
      boolean person = false; // a private person is never a named source (see Bodies)
      out.add(
          new Proposal(
              ProposalKind.ATTRIBUTION,
              SourceSpan.of(input.sourceId(), input.text(), c.start(), c.end()),
              fields,
              person ? 0.4 : chain.size() > 1 ? 0.7 : 0.6));
    }
    return out;
  }

  private static final Pattern LIST_ITEM =
      Pattern.compile("^\\s*(?:[-–•·→>›*]|\\d{1,2}[.)])\\s+[^\\n]*?(?<![.。!?！？\"”])\\s*$");

  /**
   * Whether the anchor sits on a short bulleted line with no sentence end ("- X said to expand its
   * list", "· 某报：…"): related links and most-read lists. Looks back at most 300 characters.
   */
  static boolean onListItem(String t, int at) {
    int lineStart = at;
    while (lineStart > 0 && t.charAt(lineStart - 1) != '\n') {
      if (at - --lineStart > 300) {
        return false;
      }
    }
    int lineEnd = at;
    while (lineEnd < t.length() && t.charAt(lineEnd) != '\n') {
      if (++lineEnd - at > 300) {
        return false;
      }
    }
    return LIST_ITEM.matcher(t).region(lineStart, lineEnd).matches();
  }

  /** The chain's named parties, origin first (resolving only remembers what a later pass would). */
  private static List<String> named(Bodies bodies, Chain c) {
    List<String> chain = new ArrayList<>();
    for (int i = c.outerFirst().size() - 1; i >= 0; i--) {
      Party party = c.outerFirst().get(i);
      String n = bodies.resolve(party.label(), party.start());
      if (n != null && !chain.contains(n)) {
        chain.add(n);
      }
    }
    return chain;
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

  /**
   * The page's own outlet, read from its furniture: the name after "©", a name that opens both a
   * masthead line at the top and a footer line at the bottom, and (for a short self-reference such
   * as "told the Monitor") the last word of a name opening a masthead or byline line. Only the
   * first and last {@value #FURNITURE_LINES} lines are read, so the cost is bounded.
   */
  record OwnOutlet(Set<String> names, Set<String> lastWords) {
    private static final int FURNITURE_LINES = 8;
    private static final Pattern COPYRIGHT =
        Pattern.compile(
            "(?:©|\\([Cc]\\)|Copyright)\\s*(?:\\d{4}(?:[-–]\\d{4})?\\s+)?([^.|·,\\n]{2,60})");
    private static final Pattern SEGMENT_CUT = Pattern.compile("\\s*(?:[|·›—–•]|\\s{2,})\\s*");
    private static final Pattern CAPITAL_NAME =
        Pattern.compile("\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:of|the|and|\\p{Lu}[\\p{L}'’&.-]*)){0,4}");
    private static final Pattern CN_COPYRIGHT =
        Pattern.compile("^(?:©\\s*)?《?([\\u4e00-\\u9fff]{2,12})》?\\s*(?:版权所有|版權所有)");
    private static final Pattern CN_TITLE_LINE = Pattern.compile("^[\\u4e00-\\u9fff]{2,12}$");

    static OwnOutlet of(String t) {
      String[] lines = t.split("\n", -1);
      int n = lines.length;
      java.util.Set<String> names = new java.util.HashSet<>();
      java.util.Set<String> top = new java.util.HashSet<>();
      java.util.Set<String> last = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        if (i >= FURNITURE_LINES && i < n - FURNITURE_LINES) {
          i = n - FURNITURE_LINES - 1;
          continue;
        }
        String line = lines[i].strip();
        if (line.length() > 200) {
          continue;
        }
        Matcher c = COPYRIGHT.matcher(line);
        if (c.find()) {
          names.add(key(c.group(1).replaceAll("\\s+(?:All|Ltd|Limited|Inc)\\b.*$", "")));
        }
        Matcher zc = CN_COPYRIGHT.matcher(line);
        if (zc.find()) {
          names.add(key(zc.group(1))); // "北欧侨声网 版权所有"
        }
        String first = SEGMENT_CUT.split(line, 2)[0].strip();
        if (!CAPITAL_NAME.matcher(first).matches() && !CN_TITLE_LINE.matcher(first).matches()) {
          continue;
        }
        if (first.indexOf(' ') < 0 && !CN_TITLE_LINE.matcher(first).matches()) {
          continue; // "WORLD", "Home": a section, not a masthead
        }
        String k = key(first);
        if (i < FURNITURE_LINES) {
          top.add(k);
          String[] words = k.split(" ");
          last.add(words[words.length - 1]);
        } else if (top.contains(k)) {
          names.add(k); // the masthead repeated in the footer
        }
      }
      return new OwnOutlet(Set.copyOf(names), Set.copyOf(last));
    }

    private static String key(String s) {
      return s.strip()
          .replaceAll("^(?i:the)\\s+", "")
          .replaceAll("\\s+", " ")
          .toLowerCase(Locale.ROOT);
    }

    /** Whether a resolved party is the page's outlet ("the Monitor": a self-reference). */
    boolean is(String named, String label) {
      if (names.contains(key(named))) {
        return true;
      }
      String bare = label.strip();
      if (!bare.regionMatches(true, 0, "the ", 0, 4)) {
        return false;
      }
      String word = bare.substring(4).strip();
      return word.indexOf(' ') < 0
          && !word.isEmpty()
          && Character.isUpperCase(word.charAt(0))
          && lastWords.contains(word.toLowerCase(Locale.ROOT));
    }
  }

  // ---------------------------------------------------------------- English

  private static void english(String t, List<Chain> out) {
    Matcher a = ANCHOR_EN.matcher(t);
    int anchors = 0;
    while (a.find() && anchors++ < MAX_ANCHORS) {
      int sStart = SentenceBounds.start(t, a.start());
      int sEnd = SentenceBounds.end(t, a.end());
      Chain c =
          a.group(2) != null
              ? accordingTo(t, a, sEnd)
              : a.group(3) != null ? byAgent(t, a, sEnd) : speech(t, a, sStart, sEnd, a.group(1));
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

  /**
   * "stations listed by X", "following a report by X": the agent after "by" is the source; a relay
   * may follow ("listed by X, the Y reported" is Y's own anchor).
   */
  private static @Nullable Chain byAgent(String t, Matcher a, int sEnd) {
    Party p = partyAt(t, a.end(), sEnd);
    if (p == null || WHICH_AFTER.matcher(t).region(p.end(), sEnd).lookingAt()) {
      return null; // "in a report by X, which said": the relative clause is X's own anchor
    }
    List<Party> parties = new ArrayList<>(List.of(p));
    int end = relays(t, p.end(), sEnd, parties, false);
    return new Chain(
        parties,
        a.group(3).contains(" by") && !a.group(3).contains("report") ? "found" : "reported",
        a.start(),
        end);
  }

  private static final Pattern BY_AGENT =
      Pattern.compile(
          "(?:[Ff]ollowing|[Aa]fter|[Ii]n|[Pp]rompted\\s+by)\\s+(?:an?|the)\\s|(?:listed|identified"
              + "|documented|exposed|named|counted|reported|revealed)\\s+by\\s");

  private static final Pattern WHICH_AFTER = Pattern.compile("\\s*,\\s*(?:which|who)\\s");

  private static @Nullable Chain speech(String t, Matcher a, int sStart, int sEnd, String verb) {
    String code =
        switch (verb) {
          case "reported", "reports" -> "reported";
          case "found", "estimated", "counted", "lists" -> "found";
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
    Matcher which = PARTY_WHICH_AT_END.matcher(window);
    if (which.find()) {
      // "a report by Safeguard Defenders, which said": the relative pronoun's antecedent speaks
      Party x = party(t, wStart + which.start("pA"), wStart + which.end("pA"), which, "A");
      if (x == null) {
        return null;
      }
      parties.add(x);
      start = x.start();
    } else if (citing.find()) {
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

  /** "citing an interview (that) X gave to Y": Y relays X. */
  private static final Pattern INTERVIEW_LEAD =
      Pattern.compile(
          "\\s*,?\\s*(?:citing|quoting|based\\s+on)\\s+(?:an?|the|its|their)\\s+(?:(?:recent|new"
              + "|radio|television|TV|exclusive)\\s+)?(?:interview|remarks|comments|briefing)\\s+"
              + "(?:that\\s+)?");

  private static final Pattern INTERVIEW_GAVE =
      Pattern.compile(
          "(?:'s|’s)?(?:\\s+[a-z]+){0,3}?\\s+(?:gave|had\\s+given|granted|made)\\s+to\\s+");

  /** Follows "citing Y", "which cited Z" after {@code from}, appending deeper parties. */
  private static int relays(String t, int from, int sEnd, List<Party> parties, boolean search) {
    int end = from;
    Matcher r = RELAY.matcher(t);
    Matcher iv = INTERVIEW_LEAD.matcher(t);
    for (int hop = 0; hop < 4; hop++) {
      iv.region(end, Math.min(sEnd, end + 100));
      if ((hop == 0 && search ? iv.find() : iv.lookingAt())
          && !(iv.start() > end && ANCHOR_EN.matcher(t).region(end, iv.start()).find())) {
        Party speaker = partyAt(t, iv.end(), sEnd);
        if (speaker != null) {
          Matcher gave =
              INTERVIEW_GAVE.matcher(t).region(speaker.end(), Math.min(sEnd, speaker.end() + 60));
          Party outlet = gave.lookingAt() ? partyAt(t, gave.end(), sEnd) : null;
          if (outlet != null) {
            parties.add(outlet);
            parties.add(speaker);
            end = outlet.end();
            continue;
          }
        }
      }
      r.region(end, Math.min(sEnd, end + 100));
      boolean found = hop == 0 && search ? r.find() : r.lookingAt();
      if (!found) {
        break;
      }
      if (r.start() > end && ANCHOR_EN.matcher(t).region(end, r.start()).find()) {
        break; // "X says …, Y reported, quoting Z": the relay is Y's, not X's
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

  /** Skips spaces and a lead such as "research published by" before the party it names. */
  private static int skipReportBy(String t, int from, int sEnd) {
    int k = from;
    while (k < sEnd && t.charAt(k) == ' ') {
      k++;
    }
    Matcher rb = REPORT_LEAD.matcher(t).region(k, Math.min(sEnd, k + 80));
    return rb.lookingAt() ? rb.end() : k;
  }

  private static final Pattern REPORT_LEAD =
      Pattern.compile(
          "(?:(?:an?|the)\\s+)?(?:(?:new|recent|latest|first)\\s+)?"
              + REPORT_NOUN
              + "\\s+(?:(?:published|released|compiled|issued)\\s+(?:(?:in|on|last|this)\\s+\\p{L}{3,12}\\s+)?)?(?:by|from|of)\\s+");

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

  private static final Pattern POSSESSOR =
      Pattern.compile("^\\p{Lu}[\\p{L}.-]*(?:'s|’s)\\s+(?=\\p{Lu})");

  /**
   * Where the body's own name starts in a capitalised run: after a possessor ("Spain's Ministry of
   * the Interior" is the Ministry of the Interior) and after "X and" when X is a name of its own
   * ("Safeguard Defenders and Amnesty" — but "Ministry of Justice and Security" is one name).
   */
  static int nameStart(String label) {
    int skip = 0;
    Matcher poss = POSSESSOR.matcher(label);
    if (poss.find()) {
      skip = poss.end();
    }
    int and = label.indexOf(" and ", skip);
    if (and >= 0) {
      String before = label.substring(skip, and);
      if (!before.contains(" of ") && !before.contains(" for ")) {
        skip = and + 5;
      }
    }
    return skip;
  }

  /** A party from a match: the label cleaned, a private person replaced, pronouns refused. */
  private static @Nullable Party party(String t, int start, int end, Matcher m, String g) {
    String text = t.substring(start, end);
    int tailStart = m.start("tail" + g);
    if (tailStart >= 0
        && looksLikePerson(m.group("tail" + g).strip())
        && !(m.group("tail" + g).strip().indexOf(' ') < 0
            && DESCRIPTOR_BEFORE_TAIL.matcher(t.substring(start, tailStart)).find())) {
      // "spokesperson Jane Doe": keep the role, drop the name
      end = start + (tailStart - m.start("p" + g));
      text = t.substring(start, end);
    }
    Matcher rb = REPORT_BY.matcher(text);
    if (rb.find()) {
      start += rb.end();
      text = text.substring(rb.end());
    }
    int skip = nameStart(text);
    start += skip;
    text = text.substring(skip);
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
   * "the weekly Tagesblick", "the NGO Osservatorio": the one word after the descriptor is a name.
   */
  private static final Pattern DESCRIPTOR_BEFORE_TAIL =
      Pattern.compile(
          "\\b(?:weekly|daily|tabloid|newspaper|magazine|broadcaster|outlet|NGO|group|watchdog)\\s*$");

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
          || outletCompound(lw)
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
      while (stop < limit && (CN_STOP.indexOf(t.charAt(stop)) < 0 || isTitleMark(t.charAt(stop)))) {
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
      if (body.isEmpty() && clause > 0 && "，,".indexOf(t.charAt(clause - 1)) >= 0) {
        // "保护卫士近日发布报告，称…": the body that published speaks through the comma
        int prev = clause - 1;
        int prevLimit = Math.max(0, prev - 40);
        while (prev > prevLimit
            && CN_STOP.indexOf(t.charAt(prev - 1)) < 0
            && t.charAt(prev - 1) != '\n') {
          prev--;
        }
        Matcher pub = CN_PUBLISHED_END.matcher(t.substring(prev, clause - 1));
        if (pub.find()) {
          clause = prev;
          body = t.substring(prev, prev + pub.start());
        }
      }
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
        if (ps != null && ps.size() >= 2) {
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

  /** 《》 mark a publication's title: part of a party's name, not a clause stop. */
  private static boolean isTitleMark(char c) {
    return c == '《' || c == '》';
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
      Matcher got = CN_OBTAINED.matcher(body).region(split.end(), body.length());
      if (got.find()) {
        // "该报援引Y获得的Z资料": Y obtained Z's material, so Y relays Z
        Party middle = cnParty(body.substring(split.end(), got.start()), at + split.end());
        Party origin = cnParty(body.substring(got.end()), at + got.end());
        if (middle != null && origin != null) {
          parties.add(middle);
          parties.add(origin);
          return parties;
        }
      }
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

  private static final Pattern CN_OBTAINED = Pattern.compile("(?:获得|取得|获取|拿到|掌握)的");

  /** "日本《东洋时事》": where a publication appears is not part of its title. */
  private static final Pattern CN_PLACE_TITLE =
      Pattern.compile("[\\u4e00-\\u9fff]{1,6}(《[^》]{1,20}》)");

  private static @Nullable Party cnParty(String raw, int at) {
    String s = raw.strip();
    int lead = raw.indexOf(s);
    Matcher place = CN_PLACE_TITLE.matcher(s);
    if (place.matches()) {
      lead += place.start(1);
      s = place.group(1);
    }
    Matcher m = CN_LEAD.matcher(s);
    if (m.find()) {
      lead += m.end();
      s = s.substring(m.end());
    }
    s = CN_TRAIL.matcher(s).replaceFirst("");
    if (CN_REPORT_ITSELF.matcher(s).matches()) {
      // "报道称", "报告称": the report speaks; Bodies resolves it to its author or outlet
      return new Party(at + lead, at + lead + s.length(), s);
    }
    s = CN_OF_REPORT.matcher(s).replaceFirst("");
    s = CN_TRAIL.matcher(s).replaceFirst("");
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
    } else if (!CN_PARTY.matcher(s).matches() && !(s.startsWith("《") && s.endsWith("》"))) {
      return null; // "该报道", "他", "王先生": no named party
    }
    return new Party(at + lead, at + lead + s.length(), s);
  }

  /** Outlet words that also head compound masthead names ("Newswire", "Newsline", "Starpost"). */
  private static final List<String> OUTLET_PARTS =
      List.of("news", "wire", "post", "press", "times", "daily", "weekly", "herald", "radio");

  private static final Set<String> OUTLET_NAME_WORDS =
      Set.of("star", "weekly", "sun", "express", "today", "echo", "beacon", "record", "digest");

  static boolean outletCompound(String lw) {
    if (OUTLET_NAME_WORDS.contains(lw)) {
      return true;
    }
    for (String part : OUTLET_PARTS) {
      if (lw.length() > part.length() + 2 && (lw.startsWith(part) || lw.endsWith(part))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- named bodies

  /**
   * Which parties are named, and what a definite description refers back to. Only a named body
   * starts or relays a chain (a reviewer cannot weigh "the group said"); "the Madrid-based group",
   * "the rights group", "该组织" resolve to the last named non-governmental body before them, "the
   * department" to the last named body with "Department" in its name, "the RCMP" to an earlier body
   * with those initials. Diplomatic missions, generic roles ("officials", "X警方") and private
   * persons are never named sources.
   */
  static final class Bodies {
    enum Kind {
      NGO,
      OUTLET,
      STATE
    }

    record Mention(int start, String label, Kind kind) {}

    private static final int MAX_MENTIONS = 5_000;
    private static final Pattern NAME_SCAN = Pattern.compile(NAME);
    private static final Pattern SENTENCE_CUT =
        Pattern.compile("(?<=\\p{Ll}{3}[.!?])\\s+|\\s*\\n\\s*");
    private static final Pattern CN_MENTION =
        Pattern.compile(
            "(?:^|(?<=[，。；：、“”「」《》（）\\s被由据和与及在]))([\\u4e00-\\u9fff]{2,10}?)(?:在?\\d{1,2}月)?"
                + "(?:(?:发布|公布|列出|编制)的|的(?:最新|首份|一份)?(?:报告|研究|调查|名单|数据))");
    private static final Pattern SPOKES_FOR =
        Pattern.compile(
            "^(?:(?:a|an|the)\\s+)?(?:spokes(?:person|man|woman)|representative|officials?|minister"
                + "|director|head|chief)\\s+(?:for|of|at|from)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPOKES_AFTER =
        Pattern.compile(
            "^(?:(?:a|an|the)\\s+)?(\\p{Lu}\\S*(?:\\s+\\S+){0,6})\\s+(?:spokes(?:person|man|woman)"
                + "|representative|official)$");
    private static final Pattern LATIN_DET =
        Pattern.compile("^(?:the|a|an|its|their)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTOR =
        Pattern.compile(
            "^(?:\\p{Lu}[\\p{L}-]*\\s+)?(?:NGO|(?:human\\s+)?rights\\s+group|group|organi[sz]ation"
                + "|watchdog|broadcaster|newspaper|outlet|wire\\s+service|news\\s+agency|weekly|daily|tabloid"
                + "|magazine)\\s+(.+)$");
    private static final Pattern LOCATIVE = Pattern.compile("\\s+(?:in|at|on)\\s+.*$");
    private static final Pattern DIPLOMATIC =
        Pattern.compile("(?i)\\b(?:embass(?:y|ies)|consulates?|consul|diplomatic\\s+mission)\\b");
    private static final Pattern OUTLET_WORD =
        Pattern.compile(
            "(?i)\\b(?:wire|press|radio|news|times|post|tribune|ledger|daily|herald|journal"
                + "|television|tv|broadcast\\w*|media|gazette|telegraph|chronicle|courier|magazine"
                + "|reuters|xinhua|bloomberg|politico|caixin|kyodo|yonhap|euronews)\\b");
    private static final Pattern STATE_WORD =
        Pattern.compile(
            "(?i)\\b(?:police|ministry|department|bureau|government|court|parliament|council|office"
                + "|commission|authority|directorate|inspectorate|prosecutors?|garda|agency|service"
                + "|security|investigation|interpol|europol)\\b");
    private static final Set<String> CONNECTORS =
        Set.of("of", "for", "the", "de", "and", "on", "du", "des", "la", "le", "van", "von", "&");

    /** Acronyms that name a country or a kind of body, not one body. */
    private static final Set<String> GENERIC_ACRONYMS =
        Set.of(
            "UK", "US", "USA", "U.S.", "PRC", "ROC", "UAE", "EU", "NGO", "NGOs", "MP", "MPs", "PM");

    private static final Set<String> KNOWN_BODIES =
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
            "Amnesty");
    private static final Set<String> NGO_HEADS =
        Set.of(
            "group", "organisation", "organization", "ngo", "watchdog", "charity", "campaigners");
    private static final Set<String> OUTLET_HEADS =
        Set.of("newspaper", "broadcaster", "outlet", "paper", "daily", "network");
    private static final Pattern CN_DEMONSTRATIVE = Pattern.compile("^(?:该|此|这|这个|这家|本|其)");
    private static final Pattern CN_DESCRIPTOR =
        Pattern.compile(
            "^(?:总部(?:位于|设在)[\\u4e00-\\u9fff]{1,6}的|[\\u4e00-\\u9fff]{0,4}?(?:人权组织|人权团体"
                + "|非政府组织|非营利组织|智库|研究机构))(?=[\\u4e00-\\u9fffA-Za-z]{2})");
    private static final Pattern CN_GENERIC =
        Pattern.compile(".*(?:警方|当局|政府|官员|议员|人员|检方|检察官|媒体|官媒|官方|方面|民众|人士|外交官|部门|机构|组织|团体|报告|报道)$");
    private static final Pattern CN_DIPLOMATIC = Pattern.compile(".*(?:使馆|领事馆|总领馆|代表处)$");
    private static final Pattern CN_OUTLET =
        Pattern.compile(".*(?:通讯社|社|电台|电视台|台|报|网|新闻|日报|时报|周刊|杂志|观察|之音|快讯|侨讯|资讯|通讯|频道|之声)$");
    private static final Pattern CN_STATE =
        Pattern.compile(".*(?:部|局|署|厅|处|委员会|委|警察|骑警|法院|检察院|办公室|议会|国会)$");

    private final List<Mention> mentions = new ArrayList<>();

    static Bodies scan(String t) {
      Bodies b = new Bodies();
      Matcher m = NAME_SCAN.matcher(t);
      while (m.find() && b.mentions.size() < MAX_MENTIONS) {
        // a capitalised run may cross a sentence end ("Milan. Safeguard Defenders"): split it
        String run = m.group();
        int from = 0;
        Matcher cut = SENTENCE_CUT.matcher(run);
        while (from < run.length()) {
          int to = cut.find() ? cut.start() : run.length();
          String label = LATIN_DET.matcher(clean(run.substring(from, to))).replaceFirst("");
          int skip = nameStart(label);
          label = label.substring(skip);
          if (namedLatin(label)) {
            b.mentions.add(new Mention(m.start() + from + skip, label, latinKind(label)));
          }
          from = to < run.length() ? cut.end() : to;
        }
      }
      Matcher c = CN_MENTION.matcher(t);
      while (c.find() && b.mentions.size() < MAX_MENTIONS) {
        // "站点曾出现在保护卫士9月的报告": the name follows the last function character
        String run = c.group(1);
        int cut = 0;
        for (int i = 0; i < run.length(); i++) {
          if ("在被由据和与及的是了从向对将为把曾".indexOf(run.charAt(i)) >= 0) {
            cut = i + 1;
          }
        }
        String label = cnNamed(run.substring(cut));
        if (label != null) {
          b.mentions.add(new Mention(c.start(1) + cut, label, cnKind(label)));
        }
      }
      b.mentions.sort(Comparator.comparingInt(Mention::start));
      return b;
    }

    /** The party's name as a reviewer should see it, or null when the party is not named. */
    @Nullable String resolve(String raw, int at) {
      String label = clean(raw);
      if (label.isEmpty() || label.equals(PERSON_QUOTED)) {
        return null;
      }
      if (LATIN_NAME.matcher(label).matches()) {
        return latin(label, at);
      }
      Matcher rep = CN_REPORT_ITSELF.matcher(label);
      if (rep.matches()) {
        // 报道 is the outlet's article; 报告 the report of the body that published it
        boolean article = label.matches(".*(?:报道|报导|文章|该文)");
        return lastOf(at, mn -> mn.kind() == (article ? Kind.OUTLET : Kind.NGO));
      }
      Matcher demo = CN_DEMONSTRATIVE.matcher(label);
      if (demo.find()) {
        return cnAnaphor(label.substring(demo.end()), at);
      }
      String named = cnNamed(raw); // raw: 《》 marks a publication's title
      if (named != null) {
        remember(at, named, cnKind(named));
      }
      return named;
    }

    private @Nullable String latin(String label, int at) {
      Matcher sp = SPOKES_FOR.matcher(label);
      if (sp.matches()) {
        label = sp.group(1); // "a spokesperson for the Australian Federal Police"
      }
      Matcher sa = SPOKES_AFTER.matcher(label);
      if (sa.matches()) {
        label = sa.group(1); // "a Metro Police Service spokesperson"
      }
      boolean definite = label.regionMatches(true, 0, "the ", 0, 4);
      String bare = LATIN_DET.matcher(label).replaceFirst("");
      Matcher d = DESCRIPTOR.matcher(bare);
      boolean described = false;
      if (d.matches() && (namedLatin(d.group(1)) || d.group(1).matches("\\p{Lu}\\p{Ll}{3,30}"))) {
        // "the weekly Tagesblick": a descriptor makes one capitalised word a name
        described = !NOT_A_PARTY.contains(d.group(1));
        bare = d.group(1); // "the Spanish NGO Safeguard Defenders"
      }
      if (described || namedLatin(bare) || definite && definiteName(bare)) {
        String alias = acronymOf(bare, at);
        String name = alias != null ? alias : bare;
        remember(at, name, latinKind(name));
        return name;
      }
      return definite ? latinAnaphor(bare, at) : null;
    }

    private @Nullable String latinAnaphor(String desc, int at) {
      String head = LOCATIVE.matcher(desc).replaceFirst("");
      // "the Oslo-based institute": where a body sits is not part of its name
      String[] words = head.toLowerCase(Locale.ROOT).replaceAll("\\S+-based\\s+", "").split("\\s+");
      String last = words[words.length - 1];
      if (NGO_HEADS.contains(last)) {
        return lastOf(at, mn -> mn.kind() == Kind.NGO);
      }
      if (OUTLET_HEADS.contains(last) || head.toLowerCase(Locale.ROOT).endsWith("wire service")) {
        return lastOf(at, mn -> mn.kind() == Kind.OUTLET);
      }
      // "the department", "the Justice Department": every word must be in the name
      return lastOf(
          at,
          mn -> {
            String l = " " + mn.label().toLowerCase(Locale.ROOT) + " ";
            for (String w : words) {
              if (!l.contains(" " + w + " ")) {
                return false;
              }
            }
            return mn.kind() != Kind.NGO || !NGO_HEADS.contains(last);
          });
    }

    private @Nullable String cnAnaphor(String rest, int at) {
      if (rest.isEmpty()) {
        return null;
      }
      if (rest.matches(".*(?:组织|团体|机构)")) {
        return lastOf(at, mn -> mn.kind() == Kind.NGO);
      }
      if (rest.matches(".*(?:电台|通讯社|报|媒体|网站|网|电视台)")) {
        return lastOf(at, mn -> mn.kind() == Kind.OUTLET);
      }
      // 该部, 该研究所: the last named body whose name ends in the same noun
      return lastOf(at, mn -> mn.label().endsWith(rest));
    }

    private @Nullable String lastOf(int at, java.util.function.Predicate<Mention> p) {
      for (int i = mentions.size() - 1; i >= 0; i--) {
        Mention mn = mentions.get(i);
        if (mn.start() < at && p.test(mn)) {
          return mn.label();
        }
      }
      return null;
    }

    private @Nullable String acronymOf(String label, int at) {
      if (label.length() < 2 || !label.chars().allMatch(Character::isUpperCase)) {
        return null;
      }
      return lastOf(at, mn -> !mn.label().equals(label) && initials(mn.label()).equals(label));
    }

    private static String initials(String name) {
      StringBuilder b = new StringBuilder();
      for (String w : name.split("\\s+")) {
        if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
          b.append(w.charAt(0));
        }
      }
      return b.toString();
    }

    private void remember(int at, String label, Kind kind) {
      if (mentions.size() >= MAX_MENTIONS) {
        return;
      }
      int i = mentions.size();
      while (i > 0 && mentions.get(i - 1).start() > at) {
        i--;
      }
      mentions.add(i, new Mention(at, label, kind));
    }

    /** Trailing punctuation and book-title marks off; "Defenders." is "Defenders", "U.S." stays. */
    static String clean(String raw) {
      String s = raw.strip();
      s = s.replaceAll("^[《「“\"'‘]+|[》」”\"'’]+$", "");
      while (!s.isEmpty() && ",;:".indexOf(s.charAt(s.length() - 1)) >= 0) {
        s = s.substring(0, s.length() - 1).strip();
      }
      if (s.endsWith(".") && s.length() >= 3) {
        int sp = s.lastIndexOf(' ') + 1;
        String word = s.substring(sp, s.length() - 1);
        boolean abbreviation = word.contains(".") || word.length() <= 3;
        if (!abbreviation) {
          s = s.substring(0, s.length() - 1);
        }
      }
      return s.strip();
    }

    static boolean namedLatin(String label) {
      if (label.isEmpty() || DIPLOMATIC.matcher(label).find()) {
        return false;
      }
      String head = LOCATIVE.matcher(label).replaceFirst("");
      String[] words = head.split("\\s+");
      if (words.length == 0 || !Character.isUpperCase(words[0].charAt(0))) {
        return false;
      }
      if (NOT_A_PARTY.contains(words[0])) {
        return false;
      }
      for (String w : words) {
        if (!Character.isUpperCase(w.charAt(0)) && !CONNECTORS.contains(w)) {
          return false; // "Dutch officials", "China's foreign ministry": a description
        }
      }
      if (words.length == 1) {
        String w = words[0];
        boolean acronym =
            w.length() >= 2 && w.chars().allMatch(ch -> Character.isUpperCase(ch) || ch == '.');
        return acronym ? !GENERIC_ACRONYMS.contains(w) : KNOWN_BODIES.contains(w);
      }
      if (words[words.length - 1].endsWith("'s") || words[words.length - 1].endsWith("’s")) {
        return false;
      }
      return !looksLikePerson(head);
    }

    /**
     * "the Baltic Newsline": a run of two or more capitalised words after "the" names a body, as a
     * private person takes no article.
     */
    static boolean definiteName(String bare) {
      String[] words = bare.split("\\s+");
      if (words.length < 2 || DIPLOMATIC.matcher(bare).find() || NOT_A_PARTY.contains(words[0])) {
        return false;
      }
      for (String w : words) {
        if (!Character.isUpperCase(w.charAt(0)) && !CONNECTORS.contains(w)) {
          return false;
        }
        if (w.endsWith("'s") || w.endsWith("’s")) {
          return false;
        }
      }
      return !bare.matches("United (?:States|Nations)|Netherlands|Philippines");
    }

    /** A Chinese party's name, or null when it is generic, diplomatic or a demonstrative. */
    static @Nullable String cnNamed(String raw) {
      String s = clean(raw);
      boolean bracketed = raw.strip().startsWith("《");
      if (s.length() < 2 || CN_DEMONSTRATIVE.matcher(s).find()) {
        return null;
      }
      Matcher d = CN_DESCRIPTOR.matcher(s);
      if (d.find()) {
        s = s.substring(d.end()); // "人权组织保护卫士"
      }
      s = s.replaceFirst("(?:相关)?(?:发言人|官员|负责人|部长|局长)$", "");
      if (s.length() < 2) {
        return null;
      }
      if (bracketed) {
        return s; // 《瓯江法治报》: a publication's title is its name
      }
      if (LATIN_NAME.matcher(s).matches()) {
        return namedLatin(s) ? s : null;
      }
      if (CN_DIPLOMATIC.matcher(s).matches() || CN_GENERIC.matcher(s).matches()) {
        return null;
      }
      if (s.endsWith("警察") && !s.matches(".*(?:联邦|皇家|国家|中央).*")) {
        return null; // 日本警察: generic; 澳洲联邦警察: a named force
      }
      if (s.endsWith("部") && s.length() < 4 && !s.matches("公安部|国家安全部|国安部")) {
        return null; // bare 内政部 names no country's ministry
      }
      return CN_PARTY.matcher(s).matches() ? s : null;
    }

    static Kind latinKind(String label) {
      if (OUTLET_WORD.matcher(label).find()) {
        return Kind.OUTLET;
      }
      return STATE_WORD.matcher(label).find() ? Kind.STATE : Kind.NGO;
    }

    static Kind cnKind(String label) {
      if (CN_OUTLET.matcher(label).matches()) {
        return Kind.OUTLET;
      }
      return CN_STATE.matcher(label).matches() ? Kind.STATE : Kind.NGO;
    }
  }
}
