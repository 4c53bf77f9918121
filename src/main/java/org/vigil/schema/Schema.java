package org.vigil.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Record types, their properties (which are also the claim predicates they accept) and the
 * controlled vocabularies, declared once in {@code vigil-schema.json}. Immutable; forms, export
 * columns and index fields derive from it.
 */
public final class Schema {
  private static final String RESOURCE = "vigil-schema.json";

  private final Map<String, RecordType> types;
  private final Map<String, Vocabulary> vocabularies;

  private Schema(Map<String, RecordType> types, Map<String, Vocabulary> vocabularies) {
    this.types = Collections.unmodifiableMap(types);
    this.vocabularies = Collections.unmodifiableMap(vocabularies);
  }

  // Loaded once, on first use; a broken resource fails every caller the same clear way.
  private static final class Standard {
    static final Schema INSTANCE = loadStandard();

    private static Schema loadStandard() {
      try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new VigilException(ErrorCode.CONFIGURATION, "schema resource missing: " + RESOURCE);
        }
        return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new VigilException(ErrorCode.CONFIGURATION, "cannot read " + RESOURCE, e);
      }
    }
  }

  /** The schema shipped with Vigil. */
  public static Schema standard() {
    return Standard.INSTANCE;
  }

  /**
   * Parses and validates a schema document.
   *
   * @throws VigilException {@code configuration} naming the first problem: malformed JSON, a
   *     duplicate type, property or code, a reference to an unknown type or vocabulary
   */
  public static Schema parse(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
      for (JsonNode v : root.path("vocabularies")) {
        List<Term> terms = new ArrayList<>();
        for (JsonNode t : v.path("terms")) {
          Map<String, String> labels = new LinkedHashMap<>();
          t.fields()
              .forEachRemaining(
                  e -> {
                    if (!e.getKey().equals("code")) {
                      labels.put(e.getKey(), e.getValue().asText());
                    }
                  });
          terms.add(new Term(t.path("code").asText(), labels));
        }
        Vocabulary vocabulary =
            new Vocabulary(v.path("name").asText(), strings(v.path("labels")), terms);
        if (vocabularies.put(vocabulary.name(), vocabulary) != null) {
          throw invalid("duplicate vocabulary '" + vocabulary.name() + "'");
        }
      }
      Map<String, RecordType> types = new LinkedHashMap<>();
      for (JsonNode t : root.path("types")) {
        String typeName = t.path("name").asText();
        List<PropertySpec> properties = new ArrayList<>();
        for (JsonNode p : t.path("properties")) {
          List<String> refs = new ArrayList<>();
          p.path("ref").forEach(r -> refs.add(r.asText()));
          properties.add(
              new PropertySpec(
                  p.path("name").asText(),
                  PropertyType.ofCode(p.path("type").asText()),
                  refs,
                  p.hasNonNull("vocabulary") ? p.get("vocabulary").asText() : null,
                  p.path("multi").asBoolean(false),
                  labels(p),
                  p.path("sensitive").asBoolean(false)));
        }
        List<String> defining = new ArrayList<>();
        t.path("defining").forEach(d -> defining.add(d.asText()));
        RecordType type =
            new RecordType(
                typeName, labels(t), t.path("sealed").asBoolean(false), properties, defining);
        if (types.put(typeName, type) != null) {
          throw invalid("duplicate record type '" + typeName + "'");
        }
      }
      // References are checked once everything is declared, so declaration order is free.
      for (RecordType type : types.values()) {
        for (PropertySpec p : type.properties()) {
          for (String ref : p.refTypes()) {
            if (!types.containsKey(ref)) {
              throw invalid(
                  type.name() + "." + p.name() + " refers to unknown record type '" + ref + "'");
            }
          }
          if (p.vocabulary() != null && !vocabularies.containsKey(p.vocabulary())) {
            throw invalid(
                type.name() + "." + p.name() + " uses unknown vocabulary '" + p.vocabulary() + "'");
          }
        }
      }
      return new Schema(types, vocabularies);
    } catch (IOException e) {
      throw new VigilException(
          ErrorCode.CONFIGURATION, "schema is not valid JSON: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new VigilException(ErrorCode.CONFIGURATION, "invalid schema: " + e.getMessage(), e);
    }
  }

  /** Every record type, in declaration order. */
  public Collection<RecordType> types() {
    return types.values();
  }

  public Optional<RecordType> findType(String name) {
    return Optional.ofNullable(types.get(name));
  }

  /**
   * @throws VigilException {@code invalid_input} naming the known types
   */
  public RecordType type(String name) {
    RecordType t = types.get(name);
    if (t == null) {
      throw VigilException.invalid(
          "type",
          "unknown record type '" + name + "'; known: " + String.join(", ", types.keySet()));
    }
    return t;
  }

  public Collection<Vocabulary> vocabularies() {
    return vocabularies.values();
  }

  /**
   * @throws VigilException {@code invalid_input} naming the known vocabularies
   */
  public Vocabulary vocabulary(String name) {
    Vocabulary v = vocabularies.get(name);
    if (v == null) {
      throw VigilException.invalid(
          "vocabulary",
          "unknown vocabulary '" + name + "'; known: " + String.join(", ", vocabularies.keySet()));
    }
    return v;
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tag : List.of("en", "zh")) {
      if (node.hasNonNull(tag)) {
        // Property and type labels are given as en/zh; zh is simplified script.
        out.put(tag.equals("zh") ? "zh-Hans" : tag, node.get(tag).asText());
      }
    }
    return out;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }
}
