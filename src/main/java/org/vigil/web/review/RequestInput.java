package org.vigil.web.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.VigilException;
import org.vigil.web.JsonViews;

/**
 * One request's input, the same whether a browser posted a form or a script posted JSON: forms give
 * strings (lists split on {@code ;} or new lines, edited fields as {@code f.NAME}), JSON gives
 * strings, numbers, booleans, arrays and a {@code fields} object.
 */
public final class RequestInput {
  private final @Nullable JsonNode json;
  private final Context ctx;

  private RequestInput(Context ctx, @Nullable JsonNode json) {
    this.ctx = ctx;
    this.json = json;
  }

  /**
   * @throws VigilException {@code invalid_input} on field {@code body} when JSON is malformed
   */
  public static RequestInput of(Context ctx) {
    String type = ctx.contentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      try {
        JsonNode node = JsonViews.mapper().readTree(ctx.body());
        if (node == null || !node.isObject()) {
          throw VigilException.invalid("body", "the request body must be a JSON object");
        }
        return new RequestInput(ctx, node);
      } catch (IOException e) {
        throw VigilException.invalid("body", "the request body is not valid JSON");
      }
    }
    return new RequestInput(ctx, null);
  }

  public boolean isJson() {
    return json != null;
  }

  /** The trimmed text of a field; empty when absent. */
  public String text(String name) {
    if (json != null) {
      JsonNode n = json.get(name);
      return n == null || n.isNull() ? "" : n.isValueNode() ? n.asText().trim() : n.toString();
    }
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }

  /** The text exactly as sent (quotes keep their spaces). */
  public String raw(String name) {
    if (json != null) {
      JsonNode n = json.get(name);
      return n == null || n.isNull() ? "" : n.asText();
    }
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  public @Nullable String optional(String name) {
    String v = text(name);
    return v.isEmpty() ? null : v;
  }

  /**
   * @throws VigilException {@code invalid_input} naming the field when absent or not a whole number
   */
  public int integer(String name) {
    String v = text(name);
    if (v.isEmpty()) {
      throw VigilException.invalid(name, "required");
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw VigilException.invalid(name, "'" + v + "' is not a whole number");
    }
  }

  public boolean flag(String name) {
    if (json != null) {
      JsonNode n = json.get(name);
      return n != null && (n.asBoolean(false) || "true".equals(n.asText()));
    }
    String v = text(name);
    return v.equals("true") || v.equals("on") || v.equals("1");
  }

  /** A list: a JSON array of strings, or form text split on {@code ;}, {@code →} or new lines. */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    if (json != null) {
      JsonNode n = json.get(name);
      if (n != null && n.isArray()) {
        n.forEach(x -> addIfPresent(out, x.asText()));
        return out;
      }
    }
    for (String part : text(name).split("[;\\n→]")) {
      addIfPresent(out, part);
    }
    return out;
  }

  /**
   * Proposal fields a reviewer set: JSON {@code "fields": {"city": "Lisbon", "chain": ["A", "B"]}},
   * or form inputs {@code f.city}.
   */
  public Map<String, List<String>> fields() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (json != null) {
      JsonNode f = json.get("fields");
      if (f != null && !f.isNull()) {
        if (!f.isObject()) {
          throw VigilException.invalid("fields", "fields must be an object of name → value(s)");
        }
        f.fields()
            .forEachRemaining(
                e -> {
                  List<String> values = new ArrayList<>();
                  if (e.getValue().isArray()) {
                    e.getValue().forEach(x -> addIfPresent(values, x.asText()));
                  } else if (!e.getValue().isNull()) {
                    addIfPresent(values, e.getValue().asText());
                  }
                  out.put(e.getKey(), values);
                });
      }
      return out;
    }
    ctx.formParamMap()
        .forEach(
            (k, v) -> {
              if (k.startsWith("f.") && k.length() > 2) {
                List<String> values = new ArrayList<>();
                for (String part : (v.isEmpty() ? "" : v.get(0)).split(";")) {
                  addIfPresent(values, part);
                }
                out.put(k.substring(2), values);
              }
            });
    return out;
  }

  private static void addIfPresent(List<String> out, String s) {
    String t = s.trim();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }
}
