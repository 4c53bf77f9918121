package org.vigil.schema;

import java.util.Locale;

/** How a quantity is qualified in the source: "at least 102", "about 230,000", "more than 50". */
public enum Qualifier {
  EXACT,
  AT_LEAST,
  MORE_THAN,
  AT_MOST,
  LESS_THAN,
  ABOUT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
