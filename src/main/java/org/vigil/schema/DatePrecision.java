package org.vigil.schema;

import java.util.Locale;

/** How precisely a date is known. */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR,
  RANGE,
  UNKNOWN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
