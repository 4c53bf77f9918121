package org.vigil.web.sources;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A capture job's progress, as its page and {@code GET /api/v1/captures/{job}} show it.
 *
 * @param finished whether the job has ended (then {@code done == total})
 */
public record CaptureJobView(String job, boolean finished, int done, int total, List<Item> items) {
  public CaptureJobView {
    items = List.copyOf(items);
  }

  /**
   * @param status pending, captured, unchanged or failed
   * @param error why it failed, else null
   * @param code the stable error code of a failure
   */
  public record Item(
      String name,
      String status,
      @Nullable String error,
      @Nullable String code,
      @Nullable String sourceId) {}
}
