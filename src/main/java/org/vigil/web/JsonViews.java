package org.vigil.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON form of API responses: records as objects, times as ISO-8601 strings. */
public final class JsonViews {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JsonViews() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * JSON safe inside a {@code <script type="application/json">} block: {@code <}, {@code >} and
   * {@code &} only occur inside JSON strings, where their {@code \\u} escapes mean the same, so no
   * text from a source can close the script element.
   */
  public static String forScript(Object value) {
    try {
      return MAPPER
          .writeValueAsString(value)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for a page", e);
    }
  }
}
