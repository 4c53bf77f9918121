package org.vigil.schema;

import java.util.Locale;

/** What kind of value a property holds. */
public enum PropertyType {
  TEXT,
  DATE,
  /** ISO 3166-1 alpha-2. */
  COUNTRY,
  /** A reference to another record, of one of {@link PropertySpec#refTypes()}. */
  ENTITY,
  /** A code from {@link PropertySpec#vocabulary()}. */
  VOCABULARY,
  QUANTITY,
  /** Latitude and longitude. */
  GEO;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PropertyType ofCode(String code) {
    for (PropertyType t : values()) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown property type '" + code + "'");
  }
}
