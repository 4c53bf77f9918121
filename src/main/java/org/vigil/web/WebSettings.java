package org.vigil.web;

import org.vigil.core.Checks;
import org.vigil.core.VigilException;

/**
 * How the server listens and treats its cookies.
 *
 * @param host the address to bind; loopback by default so a laptop never serves its network
 * @param port 0 picks a free port (tests)
 * @param behindTls mark session cookies {@code Secure}; set when a TLS proxy fronts Vigil
 * @param maxUploadBytes the largest request body accepted (uploads)
 */
public record WebSettings(String host, int port, boolean behindTls, long maxUploadBytes) {
  public WebSettings {
    Checks.notBlank(host, "host");
    if (port < 0 || port > 65535) {
      throw VigilException.invalid("port", "must be between 0 and 65535, was " + port);
    }
    if (maxUploadBytes <= 0) {
      throw VigilException.invalid("maxUploadBytes", "must be positive");
    }
  }

  public static WebSettings defaults() {
    return new WebSettings("127.0.0.1", 7070, false, 200L * 1024 * 1024);
  }

  public WebSettings withPort(int p) {
    return new WebSettings(host, p, behindTls, maxUploadBytes);
  }
}
