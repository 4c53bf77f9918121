package org.vigil.web.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.vigil.records.EntityRecord;
import org.vigil.review.ReviewService;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;

/**
 * The form that turns selected words of a source into a claim ({@code review/claim-form.jte}, form
 * {@code #claim-from-selection}, posting to {@code /claims}). On a source page the span inputs are
 * hidden and filled by review.js from the selection; on a record page they are visible and the
 * subject is fixed.
 *
 * @param sourceId the source the span is in; empty when the reviewer types it (record page)
 * @param subjectId the record the claim is about, or null when the reviewer picks one
 * @param spanVisible whether start, end and quote are typed (record page) or filled by a selection
 * @param predicates the properties to choose from, in the page language
 * @param records records to link, for the subject and for entity values (a datalist)
 * @param terms vocabulary terms in the page language (a datalist for coded values)
 * @param back where to return after saving
 */
public record ClaimFormView(
    String sourceId,
    @Nullable String subjectId,
    boolean spanVisible,
    List<Option> predicates,
    List<Option> records,
    List<Option> terms,
    String back) {
  public ClaimFormView {
    predicates = List.copyOf(predicates);
    records = List.copyOf(records);
    terms = List.copyOf(terms);
  }

  /** How many records the datalist offers; {@code /api/v1/records/suggest} finds the rest. */
  static final int DATALIST = 500;

  /** For the source page: subject and predicate chosen by the reviewer; span from the selection. */
  public static ClaimFormView forSource(String sourceId, ReviewService review, String lang) {
    List<RecordType> types = linkable();
    return new ClaimFormView(
        sourceId,
        null,
        false,
        predicates(types, lang),
        recordOptions(review.findRecords("", null, DATALIST)),
        terms(types, lang),
        "/sources/" + sourceId);
  }

  /** For a record page: the subject is the record; the span is typed. */
  public static ClaimFormView forRecord(
      EntityRecord record, ReviewService review, String lang, String back) {
    List<RecordType> types = List.of(Schema.standard().type(record.type()));
    return new ClaimFormView(
        "",
        record.id(),
        true,
        predicates(types, lang),
        recordOptions(review.findRecords("", null, DATALIST)),
        terms(types, lang),
        back);
  }

  private static List<RecordType> linkable() {
    return Schema.standard().types().stream()
        .filter(t -> !t.sealed() && !t.name().equals("claim"))
        .toList();
  }

  private static List<Option> predicates(List<RecordType> types, String lang) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (RecordType t : types) {
      for (PropertySpec p : t.properties()) {
        labels
            .computeIfAbsent(p.name(), k -> new LinkedHashSet<>())
            .add(types.size() == 1 ? p.label(lang) : p.label(lang) + " (" + t.label(lang) + ")");
      }
    }
    List<Option> out = new ArrayList<>();
    labels.forEach((name, l) -> out.add(new Option(name, String.join(" · ", l))));
    return out;
  }

  private static List<Option> terms(List<RecordType> types, String lang) {
    Schema schema = Schema.standard();
    Set<String> vocabularies = new LinkedHashSet<>();
    for (RecordType t : types) {
      for (PropertySpec p : t.properties()) {
        if (p.vocabulary() != null) {
          vocabularies.add(p.vocabulary());
        }
      }
    }
    List<Option> out = new ArrayList<>();
    for (String v : vocabularies) {
      schema
          .vocabulary(v)
          .terms()
          .forEach(term -> out.add(new Option(term.code(), term.label(lang))));
    }
    return out;
  }

  static List<Option> recordOptions(List<EntityRecord> records) {
    return records.stream().map(e -> new Option(e.id(), e.label())).toList();
  }
}
