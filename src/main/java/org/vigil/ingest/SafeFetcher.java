package org.vigil.ingest;

import java.net.URI;

/**
 * Fetches http and https URLs without letting them reach the machine's own network: each host is
 * resolved, every address checked, and the connection pinned to the checked addresses, so DNS
 * rebinding cannot swap them; redirects are followed by hand and checked the same way.
 */
public final class SafeFetcher implements AutoCloseable {
  public SafeFetcher(FetchPolicy policy) {
    throw new UnsupportedOperationException();
  }

  /**
   * @throws org.vigil.core.VigilException {@code blocked_scheme}, {@code blocked_address}, {@code
   *     unresolvable_host}, {@code fetch_timeout}, {@code too_large}, {@code http_error} (status
   *     ≥ 400), {@code too_many_redirects}, {@code fetch_failed}
   */
  public FetchedResource fetch(URI uri) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
