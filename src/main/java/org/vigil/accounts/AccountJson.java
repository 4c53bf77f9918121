package org.vigil.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Before and after states of account changes for the audit log, as JSON. */
final class AccountJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AccountJson() {}

  static @Nullable String of(@Nullable Map<String, Object> value) {
    if (value == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and booleans always serialise", e);
    }
  }
}
