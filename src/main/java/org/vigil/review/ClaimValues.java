package org.vigil.review;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.core.HanScript;
import org.vigil.core.Text;
import org.vigil.core.VigilException;
import org.vigil.records.ClaimObject;
import org.vigil.records.EntityRecord;
import org.vigil.records.RecordStore;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.PropertySpec;
import org.vigil.schema.PropertyType;
import org.vigil.schema.Qualifier;
import org.vigil.schema.Quantity;
import org.vigil.schema.RecordType;
import org.vigil.schema.Schema;
import org.vigil.schema.SourceSpan;
import org.vigil.schema.Term;
import org.vigil.schema.Vocabulary;

/**
 * Claim values a person types or picks: reading them by the property's type, and checking a value
 * (however it was made) against the schema before it becomes a claim.
 */
final class ClaimValues {
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern QUANTITY =
      Pattern.compile(
          "(?i)^\\s*(at least|more than|at most|less than|about|exact|at_least|more_than|at_most"
              + "|less_than)?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([\\p{L}_ -]*?)\\s*"
              + "(?:\\(([^)]*)\\))?\\s*$");
  private static final Pattern GEO =
      Pattern.compile(
          "^\\s*(-?[0-9]{1,3}(?:\\.[0-9]+)?)\\s*,\\s*(-?[0-9]{1,3}(?:\\.[0-9]+)?)\\s*$");

  private ClaimValues() {}

  /**
   * @throws VigilException {@code invalid_input} on field {@code quote} when the quote is not the
   *     text at [start, end) (or the span lies outside the text)
   */
  static void checkQuote(SourceSpan span, String sourceText) {
    if (span.quote().isBlank()) {
      throw VigilException.invalid("quote", "select the words that state the claim");
    }
    if (span.end() > sourceText.length()) {
      throw VigilException.invalid(
          "quote",
          "the span "
              + span.start()
              + ".."
              + span.end()
              + " lies outside the source's text ("
              + sourceText.length()
              + " characters)");
    }
    String actual = sourceText.substring(span.start(), span.end());
    if (!actual.equals(span.quote())) {
      throw VigilException.invalid(
          "quote",
          "the quote is not the source's text at "
              + span.start()
              + ".."
              + span.end()
              + " (there it reads \""
              + abbreviate(actual)
              + "\"); select the text again");
    }
  }

  static ClaimObject parse(
      Schema schema, RecordStore records, String subjectType, String predicate, String raw) {
    PropertySpec spec = property(schema, subjectType, predicate);
    String v = Text.collapseSpaces(raw == null ? "" : raw);
    if (v.isEmpty()) {
      throw VigilException.invalid("value", "give a value for " + predicate);
    }
    return switch (spec.type()) {
      case ENTITY -> new ClaimObject.Ref(records.resolve(v));
      case VOCABULARY ->
          new ClaimObject.Code(vocabularyCode(schema.vocabulary(spec.vocabulary()), v));
      case COUNTRY -> new ClaimObject.Code(v.toUpperCase(Locale.ROOT));
      case DATE -> new ClaimObject.Date(date(v));
      case QUANTITY -> new ClaimObject.Amount(quantity(v));
      case GEO -> new ClaimObject.Text(geo(v));
      case TEXT -> new ClaimObject.Text(v);
    };
  }

  /** Checks {@code value} fits {@code subjectType.predicate}; see {@link #parse}. */
  static void check(
      Schema schema, RecordStore records, String subjectType, String predicate, ClaimObject value) {
    PropertySpec spec = property(schema, subjectType, predicate);
    String wanted = spec.type().code();
    boolean fits =
        switch (spec.type()) {
          case ENTITY -> value instanceof ClaimObject.Ref;
          case VOCABULARY, COUNTRY -> value instanceof ClaimObject.Code;
          case DATE -> value instanceof ClaimObject.Date;
          case QUANTITY -> value instanceof ClaimObject.Amount;
          case TEXT, GEO -> value instanceof ClaimObject.Text;
        };
    if (!fits) {
      throw VigilException.invalid(
          "value", subjectType + "." + predicate + " holds a " + wanted + " value");
    }
    if (value instanceof ClaimObject.Ref r) {
      Optional<EntityRecord> target = records.find(r.entityId());
      if (target.isEmpty()) {
        throw VigilException.invalid("value", "no record " + r.entityId());
      }
      if (records.mergedInto(r.entityId()).isPresent()) {
        throw VigilException.invalid(
            "value",
            r.entityId() + " was merged into " + records.resolve(r.entityId()) + "; link that");
      }
      if (!spec.refTypes().contains(target.get().type())) {
        throw VigilException.invalid(
            "value",
            subjectType
                + "."
                + predicate
                + " links to a "
                + String.join(" or ", spec.refTypes())
                + "; "
                + r.entityId()
                + " is a "
                + target.get().type());
      }
    } else if (value instanceof ClaimObject.Code c) {
      if (spec.type() == PropertyType.COUNTRY) {
        if (!COUNTRY.matcher(c.code()).matches()) {
          throw VigilException.invalid(
              "value", "'" + c.code() + "' is not an ISO 3166 two-letter country code (e.g. NL)");
        }
      } else {
        Vocabulary vocabulary = schema.vocabulary(spec.vocabulary());
        if (!vocabulary.contains(c.code())) {
          throw VigilException.invalid(
              "value",
              "'"
                  + c.code()
                  + "' is not a "
                  + vocabulary.name()
                  + " code; known: "
                  + String.join(", ", vocabulary.codes()));
        }
      }
    } else if (value instanceof ClaimObject.Text t && spec.type() == PropertyType.GEO) {
      geo(t.text());
    }
  }

  /** Folded, with traditional Chinese as simplified, so either script finds the other. */
  static String searchForm(String s) {
    return Text.fold(HanScript.toSimplified(s == null ? "" : s));
  }

  private static PropertySpec property(Schema schema, String subjectType, String predicate) {
    if (predicate == null || predicate.isBlank()) {
      throw VigilException.invalid("predicate", "choose what the source says about the record");
    }
    RecordType type = schema.type(subjectType);
    return type.requirePredicate(predicate);
  }

  private static String vocabularyCode(Vocabulary vocabulary, String v) {
    if (vocabulary.contains(v)) {
      return v;
    }
    String folded = searchForm(v);
    for (Term t : vocabulary.terms()) {
      if (searchForm(t.code()).equals(folded)) {
        return t.code();
      }
      for (String label : t.labels().values()) {
        if (searchForm(label).equals(folded)) {
          return t.code();
        }
      }
    }
    throw VigilException.invalid(
        "value",
        "'"
            + v
            + "' is not a "
            + vocabulary.name()
            + " term; known: "
            + String.join(", ", vocabulary.codes()));
  }

  private static FuzzyDate date(String v) {
    return Values.date("value", v);
  }

  private static Quantity quantity(String v) {
    Matcher m = QUANTITY.matcher(v);
    if (!m.matches()) {
      throw VigilException.invalid(
          "value",
          "'"
              + v
              + "' is not a quantity; write e.g. '54 station', 'at least 230000 person' or"
              + " 'about 100 person (2021-04/2022-07)'");
    }
    String q = m.group(1) == null ? "exact" : m.group(1).trim().replace(' ', '_');
    Qualifier qualifier = Qualifier.valueOf(q.toUpperCase(Locale.ROOT));
    BigDecimal value = new BigDecimal(m.group(2).replace(",", ""));
    String unit = Text.collapseSpaces(m.group(3)).toLowerCase(Locale.ROOT);
    FuzzyDate period = m.group(4) == null ? null : Values.date("value", m.group(4));
    return new Quantity(value, unit.isEmpty() ? "item" : unit, qualifier, period);
  }

  private static String geo(String v) {
    Matcher m = GEO.matcher(v);
    if (!m.matches()) {
      throw VigilException.invalid("value", "'" + v + "' is not 'latitude,longitude'");
    }
    double lat = Double.parseDouble(m.group(1));
    double lon = Double.parseDouble(m.group(2));
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      throw VigilException.invalid("value", "'" + v + "' is outside latitude ±90, longitude ±180");
    }
    return m.group(1) + "," + m.group(2);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "…";
  }
}
