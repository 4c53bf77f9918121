package org.vigil.export;

import java.util.Locale;
import org.vigil.core.VigilException;

/** The formats {@code vigil export} writes. */
public enum ExportFormat {
  CSV,
  JSON,
  GEOJSON,
  FTM;

  public static ExportFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw VigilException.invalid("format", "'" + s + "' is not one of csv, json, geojson, ftm");
    }
  }
}
