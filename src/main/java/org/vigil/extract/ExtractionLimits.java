package org.vigil.extract;

import java.time.Duration;
import org.vigil.core.Checks;

/**
 * Bounds that keep hostile originals from exhausting the machine.
 *
 * @param maxBytes originals larger than this are refused ({@code too_large})
 * @param maxTextChars extracted text beyond this many characters means a decompression bomb ({@code
 *     decompression_bomb}) for compressed formats, or is cut with a warning otherwise
 * @param timeout extraction of one original taking longer fails ({@code extraction_timeout})
 */
public record ExtractionLimits(long maxBytes, int maxTextChars, Duration timeout) {
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  public ExtractionLimits {
    Checks.check(maxBytes > 0, "maxBytes must be positive, was " + maxBytes);
    Checks.positive(maxTextChars, "maxTextChars");
    Checks.notNull(timeout, "timeout");
  }

  public static ExtractionLimits defaults() {
    return new ExtractionLimits(DEFAULT_MAX_BYTES, 20_000_000, Duration.ofSeconds(60));
  }

  public ExtractionLimits withMaxBytes(long bytes) {
    return new ExtractionLimits(bytes, maxTextChars, timeout);
  }
}
