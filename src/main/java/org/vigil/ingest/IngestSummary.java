package org.vigil.ingest;

import java.util.List;

/**
 * The outcome of one ingest run.
 *
 * @param duplicates captured items that joined a story cluster with other sources
 */
public record IngestSummary(
    String runId, int captured, int unchanged, int duplicates, List<ItemResult> failures) {

  public IngestSummary {
    failures = List.copyOf(failures);
  }

  public int failed() {
    return failures.size();
  }
}
