package org.vigil.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;
import org.vigil.schema.DatePrecision;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Qualifier;
import org.vigil.schema.Quantity;

/** The JSON columns: claim values and proposal fields. Written in one fixed key order. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The value column of a claim; null for a reference (that goes to object_id). The same value
   * always gives the same string, so equal claims can be found by comparing it.
   */
  static @Nullable String value(ClaimObject o) {
    ObjectNode n = MAPPER.createObjectNode();
    if (o instanceof ClaimObject.Ref) {
      return null;
    } else if (o instanceof ClaimObject.Text t) {
      n.put("type", "text").put("text", t.text());
    } else if (o instanceof ClaimObject.Code k) {
      n.put("type", "code").put("code", k.code());
    } else if (o instanceof ClaimObject.Date d) {
      n.put("type", "date").set("date", date(d.date()));
    } else if (o instanceof ClaimObject.Amount a) {
      Quantity q = a.quantity();
      n.put("type", "quantity")
          .put("value", q.value().toPlainString())
          .put("unit", q.unit())
          .put("qualifier", q.qualifier().code());
      if (q.period() != null) {
        n.set("period", date(q.period()));
      }
    }
    return n.toString();
  }

  static ClaimObject object(@Nullable String objectId, @Nullable String value) {
    if (objectId != null) {
      return new ClaimObject.Ref(objectId);
    }
    JsonNode n = read(value == null ? "{}" : value);
    return switch (n.path("type").asText()) {
      case "text" -> new ClaimObject.Text(n.path("text").asText());
      case "code" -> new ClaimObject.Code(n.path("code").asText());
      case "date" -> new ClaimObject.Date(date(n.path("date")));
      case "quantity" ->
          new ClaimObject.Amount(
              new Quantity(
                  new BigDecimal(n.path("value").asText()),
                  n.path("unit").asText(),
                  Qualifier.valueOf(
                      n.path("qualifier").asText().toUpperCase(java.util.Locale.ROOT)),
                  n.has("period") ? date(n.get("period")) : null));
      default ->
          throw new VigilException(ErrorCode.STORE_FAILURE, "unreadable claim value: " + value);
    };
  }

  static String fields(Map<String, List<String>> fields) {
    return write(fields);
  }

  static Map<String, List<String>> fields(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() {});
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
  }

  static String strings(List<String> list) {
    return write(list);
  }

  static List<String> strings(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
  }

  private static ObjectNode date(FuzzyDate d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("precision", d.precision().code());
    if (d.start() != null) {
      n.put("start", d.start().toString());
    }
    if (d.end() != null) {
      n.put("end", d.end().toString());
    }
    return n;
  }

  private static FuzzyDate date(JsonNode n) {
    return new FuzzyDate(
        n.hasNonNull("start") ? LocalDate.parse(n.get("start").asText()) : null,
        n.hasNonNull("end") ? LocalDate.parse(n.get("end").asText()) : null,
        DatePrecision.valueOf(n.path("precision").asText().toUpperCase(java.util.Locale.ROOT)));
  }

  private static String write(Object o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain lists and maps always serialise", e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
  }

  private static VigilException unreadable(Exception e) {
    return new VigilException(
        ErrorCode.STORE_FAILURE, "unreadable JSON column: " + e.getMessage(), e);
  }
}
