package org.vigil.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Locale-independent text normalisation. */
public final class Text {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

  private Text() {}

  /** Collapses runs of white space (including no-break and ideographic spaces) and trims. */
  public static String collapseSpaces(String s) {
    return SPACES.matcher(s).replaceAll(" ").trim();
  }

  /** NFKC, lower case in {@link Locale#ROOT}, spaces collapsed: the form used for matching. */
  public static String fold(String s) {
    return collapseSpaces(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
  }
}
