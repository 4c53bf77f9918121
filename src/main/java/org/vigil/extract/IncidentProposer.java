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
 * none is found the target is "unspecified person". Place and country: the first place outside
 * China in the sentence (a city before a country), else China; date: the first date. Confidence
 * 0.6, 0.7 with a described target.
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
              "(?:pressur|persuad|urg|coerc|forc)(?:ed|ing|es|e)\\s+(?:\\w+\\s+){0,3}(?:in)?to\\s+"
                  + "(?:return|go\\s+back|come\\s+back)|persuasion\\s+to\\s+return"
                  + "|劝返|勸返|劝其回国|劝说.{0,8}回国|勸說.{0,8}回國"),
          t(
              "threats_to_relatives",
              "threat(?:en)?(?:ed|ing|s)?\\s+(?:to\\s+\\w+\\s+)?"
                  + POSS
                  + "(?:\\w+\\s+)?"
                  + KIN
                  + "|"
                  + KIN
                  + "\\s+(?:\\w+\\s+){0,4}(?:were|was|had\\s+been|have\\s+been)\\s+"
                  + "(?:threatened|harassed|visited\\s+by\\s+police|questioned|intimidated)"
                  + "|(?:家人|亲属|親屬|亲人|親人)(?:受到|遭到|被)(?:威胁|威脅|骚扰|騷擾)"
                  + "|威胁.{0,4}(?:家人|亲属|亲人)|威脅.{0,4}(?:家人|親屬|親人)"),
          t(
              "online_harassment",
              "harass(?:ed|ing|ment)?\\s+online|online\\s+(?:harassment|abuse|threats)|\\btrolled\\b"
                  + "|网络骚扰|網絡騷擾|网上骚扰|網上騷擾|网暴"),
          t(
              "surveillance",
              "\\bfollowed\\b|surveill(?:ed|ance)|\\bmonitored\\b|\\bspied\\s+on\\b"
                  + "|监视|監視|跟踪|跟蹤|监控|監控"),
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
    for (Sentences.Span s : Sentences.of(text)) {
      String sentence = text.substring(s.start(), s.end());
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
        Fields f =
            new Fields()
                .put("tactic", trigger.tactic())
                .put("target", target == null ? "unspecified person" : target)
                .put("place", place == null ? null : place.entry().nameEn())
                .put("country", place == null ? null : place.entry().country())
                .put("date", Dates.first(sentence).map(Object::toString).orElse(null));
        out.add(
            new Proposal(
                ProposalKind.INCIDENT,
                SourceSpan.of(input.sourceId(), text, s.start(), s.end()),
                f.map(),
                target == null ? 0.6 : 0.7));
      }
    }
    return out;
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

  /** The first city outside China, else the first country outside China, else China. */
  private static @Nullable GazetteerMatch place(List<GazetteerMatch> places) {
    GazetteerMatch country = null;
    GazetteerMatch china = null;
    for (GazetteerMatch m : places) {
      String kind = m.entry().kind();
      if (!kind.equals("city") && !kind.equals("country")) {
        continue;
      }
      if ("CN".equals(m.entry().country())) {
        china = china == null ? m : china;
      } else if (kind.equals("city")) {
        return m;
      } else if (country == null) {
        country = m;
      }
    }
    return country != null ? country : china;
  }
}
