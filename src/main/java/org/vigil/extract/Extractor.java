package org.vigil.extract;

/**
 * Extracts one family of formats. Implementations are stateless, thread-safe and never let an
 * unchecked exception other than {@link org.vigil.core.VigilException} escape.
 */
interface Extractor {
  /** Whether this extractor handles the detected media type. */
  boolean accepts(String mediaType);

  /**
   * @throws org.vigil.core.VigilException with an item error code when the original cannot be
   *     extracted (corrupt, encrypted, empty, a bomb …)
   */
  Extraction extract(byte[] bytes, String mediaType, DocumentHints hints, ExtractionLimits limits);
}
