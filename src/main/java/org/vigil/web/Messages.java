package org.vigil.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Interface text in one language. Bundles are UTF-8 properties files in {@code org/vigil/web/i18n};
 * a key missing from Chinese falls back to English, and a key missing everywhere shows as itself so
 * a gap is visible rather than fatal.
 */
public final class Messages {
  /** Languages the interface speaks, in the order the switcher lists them. */
  public static final List<String> LANGUAGES = List.of("en", "zh");

  /** The bundles searched in order; a capability's bundle may be absent. */
  static final List<String> BUNDLES =
      List.of("messages", "sources", "review", "records", "explore", "admin", "testimony", "api");

  // after BUNDLES: the constructor reads it
  private static final Messages EN = new Messages("en");
  private static final Messages ZH = new Messages("zh");

  private final String language;
  private final List<ResourceBundle> bundles;

  private Messages(String language) {
    this.language = language;
    java.util.ArrayList<ResourceBundle> found = new java.util.ArrayList<>();
    for (String name : BUNDLES) {
      try {
        found.add(
            ResourceBundle.getBundle(
                "org.vigil.web.i18n." + name,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
      } catch (MissingResourceException e) {
        // that capability has no interface text yet
      }
    }
    this.bundles = List.copyOf(found);
  }

  public static Messages of(String language) {
    return "zh".equals(language) ? ZH : EN;
  }

  /** "en" or "zh". */
  public String language() {
    return language;
  }

  /** The BCP 47 tag for the page's {@code lang} attribute. */
  public String htmlLang() {
    return "zh".equals(language) ? "zh-Hans" : "en";
  }

  /** The text for a key, with {@code {0}}-style arguments filled in. */
  public String t(String key, Object... args) {
    String pattern = null;
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        pattern = b.getString(key);
        break;
      }
    }
    if (pattern == null) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  /** A vocabulary or schema label in this language, given both. */
  public String pick(String english, String chinese) {
    return "zh".equals(language) && !chinese.isBlank() ? chinese : english;
  }
}
