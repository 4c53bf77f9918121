package org.vigil.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.vigil.schema.Proposal;
import org.vigil.schema.ProposalKind;
import org.vigil.schema.SourceSpan;

/**
 * Proposes a STATION when a sentence reports an overseas police station located in a named place
 * outside China. Precision matters more than recall here: cue, origin and veto must hold in the
 * same sentence; only a follow-up sentence inherits the context.
 *
 * <ol>
 *   <li>A station cue: strong ("overseas police (service) station", "110 Overseas", "海外警务服务站",
 *       "海外110") or weak ("police station", "service station", "police office", "overseas
 *       stations", "服务站", "警务站", "警察站").
 *   <li>A weak cue also needs the origin: an overseas word (overseas, abroad, foreign, 海外, 境外, 国外)
 *       and a Chinese-origin word (China, Chinese, public security, PSB, 公安, 中国, 涉华), or a named
 *       Chinese bureau, or "Chinese police station", or a covert one ("undeclared", "secret" police
 *       station) with a Chinese-origin word; a Chinese-script cue needs only the Chinese-origin
 *       word. "service station" and "服务站" also need a police word.
 *   <li>A follow-up: a sentence within two sentences after a station sentence that names stations
 *       ("the stations", "the Lyon station", 站点, 雪梨站; not train or radio stations, 网站, 车站) is a
 *       station sentence too, so lists that continue a report ("further stations were in …") count.
 *   <li>A host place: a city or country the gazetteer finds in the sentence that is not in China
 *       (adjectives such as "Dutch" do not count), nor the seat of a mission ("embassy in Berlin",
 *       驻德国使馆) or of a "-based" body. A cue sentence without one takes the cities of the sentence
 *       before ("an office in Dublin … The office was one of the overseas stations").
 *   <li>No veto: a host-state police station (community or sub-station, "Toronto Police Service"
 *       without a Chinese-origin word), a guide to calling the police ("call 110", "dial 999",
 *       "拨打110"), a petrol station, or a Chinese domestic police post (派出所 without 海外).
 * </ol>
 *
 * One proposal per distinct host city (a country named alongside its own city adds nothing); a
 * country alone when no city is named, dropped when a station city in that country is proposed.
 * Confidence 0.85 for a strong cue, 0.7 for a weak one, 0.6 for a follow-up, 0.1 less when only a
 * country is named. {@code agency}: a bureau named in the sentence or the one before; {@code host}:
 * an association or host business named in the sentence.
 */
final class StationProposer implements ProposalExtractor {
  private static final Pattern STRONG =
      Pattern.compile(
          "(?i)overseas\\s+(?:chinese\\s+)?police\\s+(?:service\\s+)?(?:station|post|centre|center)"
              + "|110\\s+overseas|overseas\\s+110|海外警务服务站|海外警務服務站|海外110|海外警务|海外警務");
  private static final Pattern WEAK =
      Pattern.compile(
          "(?i)police\\s+(?:service\\s+)?(?:station|post|office|outpost|centre|center)"
              + "|overseas\\s+(?:service\\s+)?stations?\\b"
              + "|service\\s+(?:station|centre|center)|警务服务站|警務服務站|服务站|服務站|警务站|警務站|警察站");
  private static final Pattern SERVICE_ONLY =
      Pattern.compile("(?i)^(?:service\\s+(?:station|centre|center)|服务站|服務站)$");
  private static final Pattern OVERSEAS =
      Pattern.compile("(?i)\\boverseas\\b|\\babroad\\b|\\bforeign\\b|海外|境外|国外|國外");
  private static final Pattern CHINESE =
      Pattern.compile(
          "(?i)\\bchina\\b|\\bchinese\\b|\\bPRC\\b|public\\s+security|\\bPSB\\b|公安|中国|中國|中方|涉华|涉華|福州|青田|温州|溫州|南通");

  /** A Chinese-script cue: Chinese text rarely repeats "overseas" when the host city is named. */
  private static final Pattern HAN_CUE = Pattern.compile("\\p{IsHan}");

  /**
   * A station noun in a sentence that follows a station sentence: "the stations", "the Frankfurt
   * station", 站点, 雪梨站 (not 网站, 车站, 加油站).
   */
  private static final Pattern FOLLOW_UP =
      Pattern.compile(
          "(?i)(?<!\\b(?:train|bus|coach|railway|rail|metro|subway|tube|fire|radio|television|TV"
              + "|space|weather|power|polling|petrol|gas|research)\\s)\\bstations?\\b"
              + "|\\boutposts?\\b|站点|站點|(?<![网網车車油铁鐵间間象])站(?![长長台立])");

  /** Sentences after a station sentence that may still name its cities. */
  private static final int WINDOW = 2;

  /**
   * A place that is the seat of a diplomatic mission or of the reporting body, not a station host:
   * "the embassy in Berlin", "consulate-general in Toronto", 驻德国使馆, "the Madrid-based group".
   */
  private static final Pattern MISSION_BEFORE =
      Pattern.compile(
          "(?i)(?:embassy|consulate(?:-general)?|mission)\\s+in\\s+(?:the\\s+)?$|[驻駐]$");

  private static final Pattern BASED_AFTER = Pattern.compile("^-based\\b");

  /** "Chinese police station", "China's police stations", "PRC police posts". */
  private static final Pattern ORIGIN_NEAR =
      Pattern.compile(
          "(?i)\\b(?:chinese|china(?:'s|’s)?|PRC|beijing(?:'s|’s)?)\\s+(?:[a-z-]+\\s+){0,2}police\\s+"
              + "(?:service\\s+)?(?:station|post|office|outpost)");

  /** "an undeclared police station": with a Chinese-origin word, not the host state's own. */
  private static final Pattern COVERT =
      Pattern.compile(
          "(?i)\\b(?:undeclared|secret|clandestine|illegal|unofficial|informal|unauthori[sz]ed"
              + "|so-called)\\s+police\\s+(?:service\\s+)?(?:station|post|office|outpost)");

  /**
   * A Chinese-origin word that only says who some people are ("Chinese tourists", "students from
   * China", 中国游客, 来自中国的旅行团): no origin for a police post.
   */
  private static final String PEOPLE =
      "(?:tourists?|students?|visitors?|travell?ers?|nationals?|citizens?|residents?|passengers?"
          + "|speakers?|families|workers?|diaspora|migrants?|immigrants?|seniors?|people|groups?|speaking"
          + "|New\\s+Year|restaurants?|food)";

  private static final Pattern PEOPLE_AFTER =
      Pattern.compile(
          "(?i)^(?:\\s+|-)(?:[a-z]+\\s+){0,1}"
              + PEOPLE
              + "\\b|^的?(?:游客|遊客|公民|籍|留学生|留學生|侨民|僑民|居民|人(?!民)|商人|移民|学生|學生|旅客"
              + "|旅行团|旅行團|团|團|家庭|餐馆|餐館|春节|春節)");

  private static final Pattern PEOPLE_BEFORE =
      Pattern.compile("(?i)\\b" + PEOPLE + "\\s+(?:[a-z]+\\s+){0,2}from\\s+$");

  /**
   * A police post of a railway, bus or coach station or an airport, or the local police: the host
   * state's own ("the station's police post", "airport police", 车站警务站, 站内警务站).
   */
  private static final Pattern HUB_POLICE =
      Pattern.compile(
          "(?i)\\b(?:railway|rail|train|bus|coach|metro|subway|tube|underground)\\s+(?:station|terminal)"
              + "(?:'s|’s)?\\s+police|\\bstation(?:'s|’s)\\s+police\\s+(?:post|office|unit)"
              + "|\\bairport(?:'s|’s)?\\s+police|\\bpolice\\s+(?:post|office|unit)\\s+(?:inside|at|in)\\s+the"
              + "\\s+(?:(?:main|central|railway|rail|train|bus|coach)\\s+)*(?:station|terminal|airport)"
              + "|\\blocal\\s+police\\s+(?:station|post|office)"
              + "|(?:车站|車站|火车站|火車站|站内|站內|机场|機場|地铁|地鐵|[东西南北東]站)的?"
              + "(?:派出所|警务站|警務站|警务室|警務室|警察|警员|警員)"
              + "|当地警察局|當地警察局|社区警务|社區警務|社区服务站|社區服務站");

  private static final Pattern POLICE = Pattern.compile("(?i)\\bpolice\\b|警|公安|\\b110\\b");
  private static final Pattern VETO =
      Pattern.compile(
          "(?i)community\\s+(?:police\\s+)?(?:sub-?)?station|sub-?station|neighbou?rhood\\s+police"
              + "|(?<![\\w-])(?:call|dial|ring|phone)(?:s|ing|ed)?\\s+(?:the\\s+)?(?:police\\s+)?(?:on\\s+|at\\s+)?"
              + "(?:110|112|911|999|000|0)\\b|拨打\\s*110|撥打\\s*110"
              + "|petrol|\\bgas\\s+station|\\bfuel\\b|加油站");
  private static final Pattern HOST_POLICE =
      Pattern.compile("\\b(?:[A-Z][a-z]+\\s+){1,3}Police(?:\\s+(?:Service|Department|Force))?\\b");
  private static final Pattern DOMESTIC = Pattern.compile("派出所");

  private final Gazetteer gazetteer;

  StationProposer(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @Override
  public List<Proposal> propose(ProposalInput input) {
    String text = input.text();
    List<Proposal> out = new ArrayList<>();
    List<Sentences.Span> sentences = Sentences.of(text);
    List<GazetteerMatch> all = gazetteer.find(text);
    List<Bureaus.Bureau> bureaus = Bureaus.find(gazetteer, text, all);
    List<Proposal> organizations = null; // found once, only when a station sentence needs a host
    int lastStation = -1; // the last sentence reporting (or continuing) a station; -1 for none
    for (int i = 0; i < sentences.size(); i++) {
      Sentences.Span s = sentences.get(i);
      String sentence = text.substring(s.start(), s.end());
      Matcher strong = STRONG.matcher(sentence);
      Matcher weak = WEAK.matcher(sentence);
      boolean isStrong = strong.find();
      boolean isWeak = !isStrong && weak.find();
      boolean followUp =
          !isStrong
              && !isWeak
              && lastStation >= 0
              && i - lastStation <= WINDOW
              && FOLLOW_UP.matcher(sentence).find();
      if (!isStrong && !isWeak && !followUp) {
        continue;
      }
      boolean overseas = OVERSEAS.matcher(sentence).find();
      boolean chinese = chineseOrigin(sentence) || within(bureaus, s) != null;
      if (isWeak) {
        String cue = weak.group();
        boolean serviceOnly = SERVICE_ONLY.matcher(cue).matches();
        boolean origin =
            (overseas && chinese)
                || (chinese && HAN_CUE.matcher(cue).find())
                || (chinese && COVERT.matcher(sentence).find())
                || ORIGIN_NEAR.matcher(sentence).find()
                || within(bureaus, s) != null;
        if (!origin || (serviceOnly && !POLICE.matcher(sentence).find())) {
          continue;
        }
      }
      if (VETO.matcher(sentence).find()
          || (!isStrong && HUB_POLICE.matcher(sentence).find())
          || (DOMESTIC.matcher(sentence).find() && !overseas)
          || (!chinese && hostPolice(sentence))) {
        continue;
      }
      lastStation = i;
      Bureaus.Bureau agency = within(bureaus, s);
      if (agency == null && i > 0) {
        agency = within(bureaus, sentences.get(i - 1));
      }
      if (organizations == null) {
        organizations = new OrganizationProposer(gazetteer).propose(input);
      }
      String host = host(organizations, s);
      List<GazetteerMatch> places = hostPlaces(text, all, s);
      if (places.isEmpty() && !followUp && i > 0) {
        // "The office ... was one of the overseas stations": the place is in the sentence before
        places = cities(hostPlaces(text, all, sentences.get(i - 1)));
      }
      for (GazetteerMatch place : places) {
        boolean city = place.entry().kind().equals("city");
        Fields f =
            new Fields()
                .put("city", city ? place.entry().nameEn() : null)
                .put("country", place.entry().country())
                .put("agency", agency == null ? null : agency.nameEn())
                .put("host", host);
        double confidence = (isStrong ? 0.85 : isWeak ? 0.7 : 0.6) - (city ? 0 : 0.1);
        out.add(
            new Proposal(
                ProposalKind.STATION,
                SourceSpan.of(input.sourceId(), text, s.start(), s.end()),
                f.map(),
                confidence));
      }
    }
    return withoutCoveredCountries(out);
  }

  /** A country-only proposal adds nothing when a station city in that country is proposed. */
  private static List<Proposal> withoutCoveredCountries(List<Proposal> proposals) {
    java.util.Set<String> withCity = new java.util.HashSet<>();
    for (Proposal p : proposals) {
      if (!p.first("city").isEmpty()) {
        withCity.add(p.first("country"));
      }
    }
    return proposals.stream()
        .filter(p -> !p.first("city").isEmpty() || !withCity.contains(p.first("country")))
        .toList();
  }

  private static List<GazetteerMatch> cities(List<GazetteerMatch> places) {
    return places.stream().filter(m -> m.entry().kind().equals("city")).toList();
  }

  /** Whether the place is the seat of a mission ("embassy in X", 驻X) or of a "-based" body. */
  private static boolean seatOnly(String text, GazetteerMatch m) {
    String before = text.substring(Math.max(0, m.start() - 40), m.start());
    String after = text.substring(m.end(), Math.min(text.length(), m.end() + 8));
    return MISSION_BEFORE.matcher(before).find() || BASED_AFTER.matcher(after).find();
  }

  /** A Chinese-origin word that is not only about who some people are. */
  private static boolean chineseOrigin(String sentence) {
    Matcher m = CHINESE.matcher(sentence);
    while (m.find()) {
      String before = sentence.substring(Math.max(0, m.start() - 40), m.start());
      String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 30));
      boolean people =
          PEOPLE_AFTER.matcher(after).find()
              || PEOPLE_BEFORE.matcher(before).find()
              || (before.endsWith("来自") || before.endsWith("來自"))
                  && PEOPLE_AFTER.matcher(after).find();
      if (!people) {
        return true;
      }
    }
    return false;
  }

  /** A host-state police force named without any Chinese-origin word: their own station. */
  private static boolean hostPolice(String sentence) {
    return HOST_POLICE.matcher(sentence).find();
  }

  /** Distinct cities outside China in the sentence; its countries only when no city is named. */
  private List<GazetteerMatch> hostPlaces(String text, List<GazetteerMatch> all, Sentences.Span s) {
    Map<String, GazetteerMatch> cities = new LinkedHashMap<>();
    Map<String, GazetteerMatch> countries = new LinkedHashMap<>();
    for (GazetteerMatch m : all) {
      if (m.start() < s.start() || m.end() > s.end()) {
        continue;
      }
      GazetteerEntry e = m.entry();
      if (e.country() == null || e.country().equals("CN") || seatOnly(text, m)) {
        continue; // China is never a host; an embassy's city is not a station's
      }
      if (e.kind().equals("city")) {
        cities.putIfAbsent(e.id(), m);
      } else if (e.kind().equals("country") && !gazetteer.isAdjective(m)) {
        countries.putIfAbsent(e.country(), m);
      }
    }
    if (!cities.isEmpty()) {
      return List.copyOf(cities.values());
    }
    return List.copyOf(countries.values());
  }

  private static Bureaus.@Nullable Bureau within(List<Bureaus.Bureau> bureaus, Sentences.Span s) {
    for (Bureaus.Bureau b : bureaus) {
      if (b.start() >= s.start() && b.end() <= s.end()) {
        return b;
      }
    }
    return null;
  }

  /** The first association or host business the organisation rules find in the sentence. */
  private static @Nullable String host(List<Proposal> organizations, Sentences.Span s) {
    for (Proposal p : organizations) {
      String kind = p.first("orgKind");
      boolean inside = p.span().start() >= s.start() && p.span().end() <= s.end();
      if (inside && (kind.equals("hometown_association") || kind.equals("station_host_business"))) {
        return p.first("name");
      }
    }
    return null;
  }
}
