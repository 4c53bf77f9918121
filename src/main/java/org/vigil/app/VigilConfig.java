package org.vigil.app;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * Where Vigil keeps its data. Layout: {@code vigil.db} (SQLite), {@code archive/} (originals),
 * {@code index/} (Lucene).
 */
public record VigilConfig(Path dataDir) {
  public static final String DATA_ENV = "VIGIL_DATA";
  public static final Path DEFAULT_DATA = Path.of("vigil-data");

  public VigilConfig {
    Checks.notNull(dataDir, "dataDir");
  }

  /**
   * The data folder from an explicit option, else {@code VIGIL_DATA}, else {@code ./vigil-data}.
   */
  public static VigilConfig resolve(@Nullable Path option, Map<String, String> env) {
    if (option != null) {
      return new VigilConfig(option);
    }
    String fromEnv = env.get(DATA_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new VigilConfig(Path.of(fromEnv));
    }
    return new VigilConfig(DEFAULT_DATA);
  }

  public Path database() {
    return dataDir.resolve("vigil.db");
  }

  public Path archive() {
    return dataDir.resolve("archive");
  }

  public Path index() {
    return dataDir.resolve("index");
  }
}
