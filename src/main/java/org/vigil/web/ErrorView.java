package org.vigil.web;

import java.util.Map;

/** What the error page and a JSON error body show: status, stable code, message, field map. */
public record ErrorView(int status, String code, String message, Map<String, String> fields) {
  public ErrorView {
    fields = Map.copyOf(fields);
  }
}
