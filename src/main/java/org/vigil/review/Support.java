package org.vigil.review;

/**
 * How well a claim is supported.
 *
 * @param documents distinct sources citing it
 * @param origins independent origins among them: one duplicate cluster counts once, and spans whose
 *     attribution chains start with the same party count once across clusters
 */
public record Support(int documents, int origins) {
  /** E.g. {@code 3 documents, 2 independent origins}. */
  public String describe() {
    return documents
        + (documents == 1 ? " document, " : " documents, ")
        + origins
        + (origins == 1 ? " independent origin" : " independent origins");
  }
}
