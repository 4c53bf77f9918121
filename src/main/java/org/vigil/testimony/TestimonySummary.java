package org.vigil.testimony;

import java.time.Instant;
import java.util.List;
import org.vigil.core.Checks;

/** What lists show about a testimony without unsealing it: no pseudonym, no words, no names. */
public record TestimonySummary(
    String id, Instant created, int attachments, List<String> incidentIds) {
  public TestimonySummary {
    Checks.notBlank(id, "id");
    Checks.notNull(created, "created");
    Checks.notNegative(attachments, "attachments");
    incidentIds = List.copyOf(incidentIds);
  }
}
