package org.vigil.ingest;

import org.vigil.core.Checks;

/**
 * Per-run settings.
 *
 * @param maxBytes originals larger than this fail with {@code too_large}
 * @param allowPrivateNetwork let URLs reach loopback and private addresses (off by default)
 * @param threads how many items are extracted at once
 */
public record IngestOptions(long maxBytes, boolean allowPrivateNetwork, int threads) {
  public IngestOptions {
    Checks.check(maxBytes > 0, "maxBytes must be positive, was " + maxBytes);
    Checks.positive(threads, "threads");
  }

  public static IngestOptions defaults() {
    return new IngestOptions(
        100L * 1024 * 1024, false, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }
}
