package org.vigil.extract;

import org.vigil.core.VigilException;

/**
 * The registry of extractors and the one entry point of this package: detects the media type
 * from the bytes (hints only break ties), picks the extractor and returns its result.
 */
public final class Extractors {
  private final ExtractionLimits limits;

  private Extractors(ExtractionLimits limits) {
    this.limits = limits;
  }

  public static Extractors standard(ExtractionLimits limits) {
    return new Extractors(limits);
  }

  public ExtractionLimits limits() {
    return limits;
  }

  /**
   * @throws VigilException with an item code ({@code unsupported_format}, {@code
   *     empty_document}, {@code corrupt_document}, {@code encrypted_document}, {@code
   *     too_large}, {@code decompression_bomb}, {@code invalid_encoding}, {@code no_text},
   *     {@code extraction_timeout} …) and a message that names the problem
   */
  public Extraction extract(byte[] bytes, DocumentHints hints) {
    throw new UnsupportedOperationException("extract: being implemented");
  }
}
