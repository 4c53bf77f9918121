package org.vigil.ingest;

import java.time.Duration;
import org.vigil.core.Checks;

/**
 * Rules for fetching URLs.
 *
 * @param allowPrivateNetwork when false (the default), loopback, private, link-local, unique-local,
 *     multicast, unspecified and IPv4-mapped forms of them are refused, for the first request and
 *     for every redirect
 */
public record FetchPolicy(
    boolean allowPrivateNetwork,
    long maxBytes,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects) {

  public FetchPolicy {
    Checks.check(maxBytes > 0, "maxBytes must be positive");
    Checks.notNull(connectTimeout, "connectTimeout");
    Checks.notNull(readTimeout, "readTimeout");
    Checks.check(maxRedirects >= 0, "maxRedirects must not be negative");
  }

  public static FetchPolicy defaults() {
    return new FetchPolicy(
        false, 100L * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30), 5);
  }
}
