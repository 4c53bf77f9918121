package org.vigil.schema;

import java.util.Locale;
import java.util.Map;

/** Picks a label for a language tag, falling back to English. */
final class Labels {
  private Labels() {}

  /**
   * The label for {@code language}: {@code zh}, {@code zh-Hans}, {@code zh-CN} pick simplified;
   * {@code zh-Hant}, {@code zh-TW}, {@code zh-HK} traditional (then simplified); anything else, or
   * a missing label, English.
   */
  static String pick(Map<String, String> labels, String language) {
    String tag = language.toLowerCase(Locale.ROOT);
    String found = null;
    if (tag.startsWith("zh-hant") || tag.equals("zh-tw") || tag.equals("zh-hk")) {
      found = labels.getOrDefault("zh-Hant", labels.get("zh-Hans"));
    } else if (tag.startsWith("zh")) {
      found = labels.get("zh-Hans");
    }
    if (found == null) {
      found = labels.get(tag.startsWith("zh") ? "en" : language);
    }
    return found != null ? found : labels.getOrDefault("en", "");
  }
}
