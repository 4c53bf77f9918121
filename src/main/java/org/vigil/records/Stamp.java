package org.vigil.records;

import java.time.Instant;
import org.vigil.core.Checks;

/** Who did something, and when. */
public record Stamp(String actor, Instant at) {
  public Stamp {
    Checks.notBlank(actor, "actor");
    Checks.notNull(at, "at");
  }
}
