package org.vigil.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Wall time per pipeline stage, summed over threads; cheap enough to be always on. */
final class StageClock {
  enum Stage {
    HASH,
    EXTRACT,
    FINGERPRINT,
    ARCHIVE,
    STORE,
    INDEX,
    PROPOSE,
    COMMIT
  }

  private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

  StageClock() {
    for (Stage s : Stage.values()) {
      nanos.put(s, new LongAdder());
    }
  }

  /** Adds the time since {@code startNanos} to {@code stage}; returns now, to chain stages. */
  long add(Stage stage, long startNanos) {
    long now = System.nanoTime();
    nanos.get(stage).add(now - startNanos);
    return now;
  }

  Map<String, Double> seconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    nanos.forEach((s, n) -> out.put(s.name().toLowerCase(Locale.ROOT), n.sum() / 1e9));
    return out;
  }
}
