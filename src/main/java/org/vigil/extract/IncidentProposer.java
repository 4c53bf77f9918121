package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes an INCIDENT for each sentence and tactic whose trigger phrase it contains ("pressured to
 * return", "劝返", "threatened his family", "harassed online", "Interpol red notice" …; the table
 * below). The target is a generic description found in the sentence ("a dissident in Toronto",
 * "students", "一名海外华人", "relatives in China"), never a name: descriptions are built only from
 * lower-case words, country adjectives and gazetteer places, so a person's name cannot enter; when
 * none is found the target is "unspecified person". Place and country: where the targeted person
 * lives, i.e. the first place outside China in the sentence (a city before a country), else a
 * residence abbreviation (旅法 → FR), else the place of the sentence before in the same paragraph
 * (when the sentence is about one person: the story continues), else none: China is where relatives
 * are pressured, never the incident's country. A sentence that only appeals to victims to come
 * forward ("anyone who …", 呼吁…人士) reports nothing; an unlocated tactic is dropped when the text
 * reports the same tactic in a named country. Date: the first date. Confidence 0.6, 0.7 with a
 * described target.
 */
final class IncidentProposer implements ProposalExtractor {
  private record Trigger(String tactic, Pattern pattern) {}

  private static final String POSS = "(?:his|her|their|its|the)\\s+";
  private static final String KIN =
      "(?:family|families|relatives|parents|mother|father|siblings|brother|sister|children|kin)";

  private static final List<Trigger> TRIGGERS =
      List.of(
          t(
              "persuasion_to_return",
              "(?:pressur|persuad|urg|coerc|forc|push)(?:ed|ing|es|e)?\\s+(?:\\w+\\s+){0,6}(?:in)?to\\s+"
                  + "(?:return|go\\s+back|come\\s+back|go\\s+home)|persuasion\\s+to\\s+return"
                  + "|\\btold\\s+to\\s+(?:return|go\\s+back|come\\s+back|go\\s+home)"
                  + "|\\breturned\\s+(?:home\\s+|to\\s+China\\s+)?after\\s+(?:his|her|their)\\s+"
                  + KIN
                  + "|劝返|勸返|劝其回国|劝说.{0,8}回国|勸說.{0,8}回國"
                  + "|被迫回[国國]|施[压壓]回[国國]|要求[^，。,]{0,6}回[国國]"),
          t(
              "threats_to_relatives",
              "threat(?:en)?(?:ed|ing|s)?\\s+(?:to\\s+\\w+\\s+)?(?:"
                  + POSS
                  + ")?(?:\\w+\\s+)?"
                  + KIN
                  + "|"
                  + KIN
                  + "\\s+(?:\\w+\\s+){0,4}(?:were|was|had\\s+been|have\\s+been)\\s+"
                  + "(?:threatened|harassed|visited|warned|summoned|pressured|told\\s+they\\s+would"
                  + "|questioned|intimidated)"
                  + "|(?:visited|called\\s+on|warned|pressured|summoned|told)\\s+(?:his|her|their)\\s+"
                  + "(?:\\w+\\s+)?"
                  + KIN
                  + "|\\bhad\\s+(?:his|her|their)\\s+"
                  + KIN
                  + "\\s+(?:in\\s+China\\s+)?(?:contacted|visited|summoned|warned|questioned)\\s+by"
                  + "|(?:家人|亲属|親屬|亲人|親人|父母)[^，。,]{0,8}(?:遭|被)[^，。,]{0,4}"
                  + "(?:约谈|約談|上门|上門|施压|施壓|联系|聯繫|警告|告知)"
                  + "|(?:亲属|親屬|家人|父母)施[压壓]|(?:警告|告诉|告訴)[^，。,]{0,4}(?:父母|家人|亲属|親屬)"
                  + "|(?:家人|亲属|親屬|亲人|親人)(?:受到|遭到|被)(?:威胁|威脅|骚扰|騷擾)"
                  + "|威胁.{0,4}(?:家人|亲属|亲人)|威脅.{0,4}(?:家人|親屬|親人)"),
          t(
              "online_harassment",
              "harass(?:ed|ing|ment)?\\s+(?:\\w+\\s+){0,2}online|online\\s+(?:harassment|abuse|threats)"
                  + "|\\btrolled\\b|threatening\\s+messages\\s+(?:on|via|through)\\s+social\\s+media"
                  + "|social\\s+media\\s+(?:\\w+\\s+){0,2}to\\s+(?:harass|threaten|intimidate)"
                  + "|网络骚扰|網絡騷擾|网暴"
                  + "|(?:网上|網上|社交媒体|社交媒體|社群媒體)[^，。,]{0,6}(?:骚扰|騷擾|威胁|威脅)"),
          t(
              "surveillance",
              "\\bfollowed\\b|surveill(?:ed|ance)|\\bmonitored\\b|\\bspied\\s+on\\b"
                  + "|\\b(?:were|was|being|been)\\s+watched\\b|\\bphotographed\\b|photographs\\s+of\\s+them"
                  + "|\\bkeep\\s+track\\s+of|\\bkept\\s+track\\s+of|\\bto\\s+locate\\s+(?:a|an|the)\\b"
                  + "|\\bask(?:ed)?\\s+(?:about\\s+)?where\\s+(?:she|he|they)\\s+lived"
                  + "|\\basked\\s+about\\s+(?:their|his|her)\\s+(?:relatives|political\\s+views|activities)"
                  + "|\\bquestioned\\s+about\\s+(?:their|his|her)\\s+(?:activities|contacts)"
                  + "|监视|監視|跟踪|跟蹤|监控|監控|被拍照|打听|打聽|动向|動向|行踪|行蹤|下落|住址"),
          t("detention", "\\bdetained\\b|\\bdetention\\b|拘留|羁押|羈押"),
          t("unlawful_deportation", "\\bdeported\\b|\\bdeportation\\b|驱逐出境|驅逐出境"),
          t(
              "rendition",
              "forcibly\\s+returned|\\babducted\\b|\\bkidnapped\\b|\\brendition\\b"
                  + "|强行带回|強行帶回|绑架|綁架"),
          t("assault", "\\bassaulted\\b|\\bbeaten\\b|\\bbeat\\s+up\\b|殴打|毆打"),
          t("physical_intimidation", "\\bintimidat(?:ed|ion|ing)\\b|恐吓|恐嚇"),
          t("interpol_misuse", "red\\s+notice|红色通缉令|紅色通緝令"),
          t("extradition_misuse", "extradition\\s+request|sought\\s+(?:\\w+\\s+)?extradition|引渡"),
          t(
              "mobility_controls",
              "passports?\\s+(?:was\\s+|were\\s+)?(?:confiscated|revoked|cancelled|not\\s+renewed)"
                  + "|exit\\s+ban|refused\\s+to\\s+renew\\s+"
                  + POSS
                  + "passport|护照.{0,4}(?:没收|吊销|注销)|護照.{0,4}(?:沒收|吊銷|註銷)"),
          t("spyware", "\\bspyware\\b|\\bPegasus\\b|\\bmalware\\b|间谍软件|間諜軟件"),
          t("assassination", "\\bassassinat(?:ed|ion)\\b|\\bmurdered\\b|暗杀|暗殺"),
          t(
              "coercion_by_proxy",
              "(?:coerc|pressur)(?:ed|ing)\\s+(?:\\w+\\s+){0,3}(?:through|via)\\s+(?:"
                  + POSS
                  + ")?"
                  + KIN));

  private static final String NOUNS =
      "dissidents?|activists?|students?|journalists?|critics?|businessm[ae]n|businesswom[ae]n"
          + "|m[ae]n|wom[ae]n|residents?|exiles?|refugees?|asylum\\s+seekers?|Uyghurs?|Tibetans?"
          + "|Hongkongers?|nationals?|citizens?|emigrants?|people|persons?|fugitives?|suspects?"
          + "|members?|workers?|shop\\s+owners?|restaurant\\s+owners?|bloggers?|writers?|artists?";
  private static final Pattern EN_TARGET =
      Pattern.compile(
          "\\b(?:a|an|the|one|two|three|several|many|some)\\s+((?:[A-Za-z-]+\\s+){0,2}?)(?:"
              + NOUNS
              + ")\\b(?:\\s+(?:living|based|residing)?\\s*in\\s+((?:[A-Z][\\p{L}'-]+\\s?){1,3}))?");
  private static final Pattern KIN_TARGET =
      Pattern.compile(
          "\\b(?:(?:his|her|their)\\s+)?" + KIN + "(?:\\s+(?:in|back\\s+in)\\s+China)?");
  private static final Pattern ZH_TARGET =
      Pattern.compile(
          "(?:一名|一位|多名|数名|數名|一些)[^，。,.\\s]{0,8}?"
              + "(?:华人|華人|华侨|華僑|留学生|留學生|异见人士|異見人士|维权人士|維權人士|记者|記者|学生|學生|男子|女子|商人)"
              + "|(?:其)?(?:国内)?(?:家人|亲属|親屬|亲人|親人)");

  /** An appeal ("asked anyone who had been intimidated to come forward") reports no incident. */
  private static final Pattern APPEAL =
      Pattern.compile("(?i)\\b(?:anyone|anybody)\\s+who\\b|(?:呼吁|呼籲|鼓励|鼓勵)[^。]{0,16}(?:人士|者)");

  /**
   * Residence written as an abbreviation ("旅法人员", "在美异见人士"): 旅 with any of these, 在 only with those
   * that cannot start another word (在意, 在法律 are no countries).
   */
  private static final Pattern ZH_RESIDENCE =
      Pattern.compile("旅([荷法德意美英加澳西葡韩韓日])|在([荷美英德澳])(?![国國])\\p{IsHan}");

  private static final java.util.Map<String, String> ZH_ABBREVIATION =
      java.util.Map.ofEntries(
          java.util.Map.entry("荷", "NL"),
          java.util.Map.entry("法", "FR"),
          java.util.Map.entry("德", "DE"),
          java.util.Map.entry("意", "IT"),
          java.util.Map.entry("美", "US"),
          java.util.Map.entry("英", "GB"),
          java.util.Map.entry("加", "CA"),
          java.util.Map.entry("澳", "AU"),
          java.util.Map.entry("西", "ES"),
          java.util.Map.entry("葡", "PT"),
          java.util.Map.entry("韩", "KR"),
          java.util.Map.entry("韓", "KR"),
          java.util.Map.entry("日", "JP"));

  /**
   * A sentence about one person ("One woman said", "she", 一名居民): it continues the story of the
   * sentence before, so it may take that sentence's place. A general pattern ("the stations were
   * used to track people") does not.
   */
  private static final Pattern INDIVIDUAL =
      Pattern.compile(
          "(?i)\\b(?:one|a|an)\\s+(?:[a-z-]+\\s+)?(?:woman|man|resident|student|member"
              + "|worker|person|activist|dissident|journalist)\\b|\\b(?:she|he|her|his)\\b|一名|一位|她|他");

  private final Gazetteer gazetteer;

  IncidentProposer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  private static Trigger t(String tactic, String regex) {
    return new Trigger(tactic, Pattern.compile("(?i)" + regex));
  }

  @Override
  public List<Proposal> propose(ProposalInput input) {
    String text = input.text();
    List<Proposal> out = new ArrayList<>();
    List<Sentences.Span> spans = Sentences.of(text);
    for (int i = 0; i < spans.size(); i++) {
      Sentences.Span s = spans.get(i);
      String sentence = text.substring(s.start(), s.end());
      if (APPEAL.matcher(sentence).find()) {
        continue;
      }
      List<GazetteerMatch> places = null;
      for (Trigger trigger : TRIGGERS) {
        Matcher m = trigger.pattern().matcher(sentence);
        if (!m.find()) {
          continue;
        }
        if (places == null) {
          places = gazetteer.find(sentence);
        }
        String target = target(sentence, places, trigger.tactic());
        GazetteerMatch place = place(places);
        String country = place == null ? residence(sentence) : place.entry().country();
        if (place == null && country == null && i > 0 && INDIVIDUAL.matcher(sentence).find()) {
          // "Members in Sydney said …. One woman said her parents were visited": same paragraph
          Sentences.Span prev = spans.get(i - 1);
          if (text.substring(prev.end(), s.start()).indexOf('\n') < 0) {
            place = place(gazetteer.find(text.substring(prev.start(), prev.end())));
            country = place == null ? null : place.entry().country();
          }
        }
        Fields f =
            new Fields()
                .put("tactic", trigger.tactic())
                .put("target", target == null ? "unspecified person" : target)
                .put("place", place == null ? null : place.entry().nameEn())
                .put("country", country)
                .put("date", Dates.first(sentence).map(Object::toString).orElse(null));
        out.add(
            new Proposal(
                ProposalKind.INCIDENT,
                SourceSpan.of(input.sourceId(), text, s.start(), s.end()),
                f.map(),
                target == null ? 0.6 : 0.7));
      }
    }
    return withoutUnlocatedDuplicates(out);
  }

  /** The country of a residence abbreviation (旅法 → FR), or null. */
  private static @Nullable String residence(String sentence) {
    Matcher m = ZH_RESIDENCE.matcher(sentence);
    if (!m.find()) {
      return null;
    }
    return ZH_ABBREVIATION.get(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /**
   * A tactic reported without a country ("stations were used to pressure people to go back") adds
   * nothing when the text also reports the same tactic against someone in a named country.
   */
  private static List<Proposal> withoutUnlocatedDuplicates(List<Proposal> proposals) {
    java.util.Set<String> located = new java.util.HashSet<>();
    for (Proposal p : proposals) {
      if (!p.first("country").isEmpty()) {
        located.add(p.first("tactic"));
      }
    }
    return proposals.stream()
        .filter(p -> !p.first("country").isEmpty() || !located.contains(p.first("tactic")))
        .toList();
  }

  /** A generic description of whom the tactic targets; null when the sentence gives none. */
  private @Nullable String target(String sentence, List<GazetteerMatch> places, String tactic) {
    Matcher zh = ZH_TARGET.matcher(sentence);
    if (zh.find()) {
      return ChineseScript.toSimplified(zh.group());
    }
    Matcher en = EN_TARGET.matcher(sentence);
    while (en.find()) {
      String modifiers = en.group(1) == null ? "" : en.group(1);
      if (!plainWords(modifiers)) {
        continue; // "a Smith family member": a capitalised word that is no place
      }
      int nounStart = en.start(1) < 0 ? en.start() : en.end(1);
      int nounEnd = en.group(2) == null ? en.end() : en.start(2);
      String noun = sentence.substring(nounStart, nounEnd).strip().replaceAll("\\s+in$", "");
      StringBuilder b = new StringBuilder();
      String det = sentence.substring(en.start(), en.start(1) < 0 ? nounStart : en.start(1));
      b.append(det.strip().toLowerCase(Locale.ROOT)).append(' ');
      b.append(modifiers.strip().isEmpty() ? "" : modifiers.strip() + " ").append(noun);
      String where = en.group(2) == null ? null : en.group(2).strip();
      if (where != null && isPlace(where)) {
        b.append(" in ").append(where);
      }
      return b.toString().replaceAll("\\s+", " ").strip();
    }
    Matcher kin = KIN_TARGET.matcher(sentence);
    if (kin.find()) {
      return tactic.equals("threats_to_relatives") || tactic.equals("coercion_by_proxy")
          ? "relatives in China"
          : null;
    }
    return null;
  }

  /** Lower-case words, or capitalised ones the gazetteer knows (Chinese, Dutch, Uyghur …). */
  private boolean plainWords(String words) {
    for (String w : words.strip().split("\\s+")) {
      if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !isPlace(w)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the whole string is one gazetteer place (a city, a country or its adjective). */
  private boolean isPlace(String s) {
    List<GazetteerMatch> m = gazetteer.find(s);
    return m.size() == 1 && m.get(0).start() == 0 && m.get(0).end() == s.length();
  }

  /**
   * The first city outside China, else the first country outside China; null when the sentence
   * names only China: the targeted person lives abroad, and China is where the relatives are.
   */
  private static @Nullable GazetteerMatch place(List<GazetteerMatch> places) {
    GazetteerMatch country = null;
    for (GazetteerMatch m : places) {
      String kind = m.entry().kind();
      if (!kind.equals("city") && !kind.equals("country")) {
        continue;
      }
      if ("CN".equals(m.entry().country())) {
        continue;
      } else if (kind.equals("city")) {
        return m;
      } else if (country == null) {
        country = m;
      }
    }
    return country;
  }
}
