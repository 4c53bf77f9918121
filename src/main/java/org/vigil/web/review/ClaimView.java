package org.vigil.web.review;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim as pages and the API show it: its value in the page language, status, support ("N
 * documents, K independent origins"), the spans that state it, its status history and the steps a
 * reviewer may take from here.
 *
 * @param valueLink the record page of an entity value; null for plain values
 * @param steps statuses a reviewer may move it to (code, label)
 */
public record ClaimView(
    String id,
    @Nullable String subjectId,
    String predicate,
    String predicateLabel,
    String value,
    String valueLabel,
    @Nullable String valueLink,
    String status,
    String statusLabel,
    int version,
    int documents,
    int origins,
    String support,
    List<SpanView> spans,
    List<Step> history,
    List<Option> steps) {
  public ClaimView {
    spans = List.copyOf(spans);
    history = List.copyOf(history);
    steps = List.copyOf(steps);
  }

  /**
   * One span: the quoted words, where they are, and who the source says said them.
   *
   * @param link the source page at this span
   */
  public record SpanView(
      long id,
      String sourceId,
      String sourceTitle,
      int start,
      int end,
      String quote,
      List<String> attribution,
      String link) {
    public SpanView {
      attribution = List.copyOf(attribution);
    }

    /** Origin first: "NGO → wire service → outlet". */
    public String chain() {
      return String.join(" → ", attribution);
    }
  }

  /** One status step: who moved it, when, why. {@code from} is empty for the first. */
  public record Step(String from, String to, String by, Instant at, String reason) {}
}
