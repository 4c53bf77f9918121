package org.vigil.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Known countries, cities and bodies with their English and Chinese names, and a matcher that finds
 * them in text. Immutable and thread-safe; {@link #standard()} is built once.
 */
public final class Gazetteer {
  /** The built-in data: countries, cities, known agencies and bodies. */
  public static Gazetteer standard() {
    throw new UnsupportedOperationException("gazetteer: being implemented");
  }

  /** The built-in data plus analyst-maintained files (same format as the built-in bodies file). */
  public static Gazetteer withExtra(List<Path> files) {
    throw new UnsupportedOperationException("gazetteer: being implemented");
  }

  /** A gazetteer of exactly these entries (tests, small tools). */
  public static Gazetteer of(List<GazetteerEntry> entries) {
    throw new UnsupportedOperationException("gazetteer: being implemented");
  }

  /**
   * Every mention of a known name: longest match wins, matches do not overlap, Latin names only at
   * word boundaries and case-insensitively, Chinese names in either script.
   */
  public List<GazetteerMatch> find(String text) {
    throw new UnsupportedOperationException();
  }

  public Optional<GazetteerEntry> byId(String id) {
    throw new UnsupportedOperationException();
  }

  /** The country with this ISO 3166-1 alpha-2 code. */
  public Optional<GazetteerEntry> country(String iso2) {
    throw new UnsupportedOperationException();
  }

  /** Entries of one kind ({@code country}, {@code city}, an organisation kind). */
  public List<GazetteerEntry> entries(String kind) {
    throw new UnsupportedOperationException();
  }
}
