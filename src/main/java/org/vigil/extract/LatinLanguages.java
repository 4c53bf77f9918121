package org.vigil.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Chooses among the Latin-script languages Vigil supports. The OpenNLP character model is good on
 * paragraphs and weak on headlines; function words are the reverse, so both vote.
 */
final class LatinLanguages {
  /** OpenNLP's ISO 639-3 codes → our tags; Malay and Indonesian are one language to the model. */
  private static final Map<String, String> FROM_ISO3 =
      Map.of(
          "eng", "en", "spa", "es", "deu", "de", "fra", "fr", "nld", "nl", "ita", "it", "ind", "id",
          "msa", "id", "zlm", "id", "zsm", "id");

  /**
   * Headlines often have no function words at all, so each list also holds words of Vigil's own
   * beat (police, government, investigate …) in that language's spelling.
   */
  private static final String DOMAIN_EN =
      " investigate investigates police government says calls closes shuts linked secret"
          + " chinese office offices station stations overseas prosecutors";

  private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

  static {
    FUNCTION_WORDS.put(
        "en",
        words(
            "the of and to is are was were for on with by from at that this after over says said"
                + " how why what who its their has have been will into about against more than"
                + " an it as be which not they he she we new in"
                + DOMAIN_EN));
    FUNCTION_WORDS.put(
        "es",
        words(
            "el la los las de del en y que por para con una un se es su sus al como más tras"
                + " sobre según ante entre han fue son esta este lo ha hay sin también"
                + " investiga policía gobierno pide cierran denuncia vinculados secreta comisaría"
                + " oficinas embajada chino china chinos"));
    FUNCTION_WORDS.put(
        "de",
        words(
            "der die das und den dem des ist sind nicht mit von zu auf für im ein eine einer"
                + " bei nach wie auch sich über gegen wird werden vor aus hat haben wurde in"
                + " ermittelt polizei regierung bundesregierung fordert aufklärung geheime"
                + " chinesische chinesischen büros"));
    FUNCTION_WORDS.put(
        "fr",
        words(
            "le la les des du de et est une un dans pour sur par au aux que qui pas ce cette"
                + " ses son avec selon après contre sont été l d qu ont se ne"
                + " enquête gouvernement convoque police chinois chinoise commissariat nient"));
    FUNCTION_WORDS.put(
        "nl",
        words(
            "de het een en van in is op te dat die voor met zijn niet ook bij naar om worden"
                + " wordt door tegen na onder uit nog heeft hebben er deze in"
                + " onderzoekt politie kabinet opheldering kantoren ontkent banden chinees"));
    FUNCTION_WORDS.put(
        "it",
        words(
            "il lo la gli le di del della dei delle e è che per con un una nel nella sono non"
                + " da dal sul sulla alla al dopo contro secondo ha hanno anche l dell in su tra"
                + " indaga polizia governo chiede chiude stazione cinese cinesi legami negano"));
    FUNCTION_WORDS.put(
        "id",
        words(
            "yang dan di ke dari ini itu untuk dengan dalam tidak akan pada oleh adalah juga"
                + " atau sebagai setelah terhadap menurut para bagi tentang telah sudah"
                + " menyelidiki polisi pemerintah meminta penjelasan kedutaan membantah kantor"));
  }

  /** Letters that only some of the languages use. */
  private static final Map<Character, String> MARKS = new HashMap<>();

  static {
    for (char c : "ñ¿¡áíóú".toCharArray()) {
      MARKS.put(c, "es");
    }
    for (char c : "ßäöü".toCharArray()) {
      MARKS.put(c, "de");
    }
    for (char c : "çêâîôûëïœ".toCharArray()) {
      MARKS.put(c, "fr");
    }
    for (char c : "ìò".toCharArray()) {
      MARKS.put(c, "it");
    }
  }

  private LatinLanguages() {}

  static String detect(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> tokens = List.of(lower.split("[^\\p{L}]+"));
    Map<String, Double> score = new HashMap<>();
    FUNCTION_WORDS.keySet().forEach(l -> score.put(l, 0.0));

    // function words: each hit is shared among the languages that use the word
    Map<String, Double> stop = new HashMap<>();
    double stopTotal = 0;
    for (String t : tokens) {
      if (t.isEmpty()) {
        continue;
      }
      int owners = 0;
      for (Set<String> ws : FUNCTION_WORDS.values()) {
        owners += ws.contains(t) ? 1 : 0;
      }
      if (owners == 0) {
        continue;
      }
      for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
        if (e.getValue().contains(t)) {
          stop.merge(e.getKey(), 1.0 / owners, Double::sum);
          stopTotal += 1.0 / owners;
        }
      }
    }
    for (Map.Entry<String, Double> e : stop.entrySet()) {
      score.merge(e.getKey(), e.getValue() / stopTotal, Double::sum);
    }

    Map<String, Integer> marks = new HashMap<>();
    int markTotal = 0;
    for (int i = 0; i < lower.length(); i++) {
      String lang = MARKS.get(lower.charAt(i));
      if (lang != null) {
        marks.merge(lang, 1, Integer::sum);
        markTotal++;
      }
    }
    for (Map.Entry<String, Integer> e : marks.entrySet()) {
      score.merge(e.getKey(), 0.5 * e.getValue() / markTotal, Double::sum);
    }

    Language[] predicted = Model.predict(text.length() > 3_000 ? text.substring(0, 3_000) : text);
    double known = 0;
    Map<String, Double> model = new HashMap<>();
    for (Language l : predicted) {
      String tag = FROM_ISO3.get(l.getLang());
      if (tag != null) {
        model.merge(tag, l.getConfidence(), Double::sum);
        known += l.getConfidence();
      }
    }
    long wordCount = tokens.stream().filter(t -> !t.isEmpty()).count();
    // On a paragraph or more the model is reliable: an unsupported language (Portuguese,
    // Swedish …) stays undetermined instead of being forced onto the nearest supported one.
    if (wordCount >= 20
        && predicted.length > 0
        && !FROM_ISO3.containsKey(predicted[0].getLang())
        && predicted[0].getConfidence() > 0.5
        && stopTotal < wordCount * 0.15) {
      return "und";
    }
    // OpenNLP's confidences are flat on short texts; sharpen them so that only a clear lead
    // counts: a language at 70 % of the leader's confidence gets a quarter of its vote.
    double top = model.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (known > 0 && top > 0) {
      for (Map.Entry<String, Double> e : model.entrySet()) {
        score.merge(e.getKey(), Math.pow(e.getValue() / top, 4), Double::sum);
      }
    }
    String best = "und";
    double bestScore = 0;
    for (Map.Entry<String, Double> e : score.entrySet()) {
      if (e.getValue() > bestScore) {
        bestScore = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.copyOf(java.util.Arrays.asList(spaceSeparated.trim().split("\\s+")));
  }

  /** Loads the 10 MiB model once, on first use. */
  private static final class Model {
    private static final LanguageDetectorModel MODEL = load();
    // LanguageDetectorME keeps no per-call state we rely on, but one per thread costs nothing
    private static final ThreadLocal<LanguageDetectorME> DETECTOR =
        ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));

    static Language[] predict(String text) {
      return DETECTOR.get().predictLanguages(text);
    }

    private static LanguageDetectorModel load() {
      try (InputStream in = LatinLanguages.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) {
          throw new IllegalStateException("langdetect-183.bin missing from the classpath");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }
}
