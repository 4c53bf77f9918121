package org.vigil.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a proposal's field map: every value a list of strings, absent values left out. */
final class Fields {
  private final Map<String, List<String>> map = new LinkedHashMap<>();

  Fields put(String key, @Nullable Object value) {
    if (value != null && !value.toString().isBlank()) {
      map.put(key, List.of(value.toString()));
    }
    return this;
  }

  Map<String, List<String>> map() {
    return map;
  }
}
