package org.vigil.records;

import org.vigil.core.Checks;
import org.vigil.schema.FuzzyDate;
import org.vigil.schema.Quantity;

/** What a claim says about its subject: another record, or a value. */
public sealed interface ClaimObject {
  /**
   * The value as one line of text: the record id for a reference, the ISO form of a date, and
   * "qualifier value unit (period)" for an amount.
   */
  default String display() {
    if (this instanceof Ref r) {
      return r.entityId();
    }
    if (this instanceof Text t) {
      return t.text();
    }
    if (this instanceof Code c) {
      return c.code();
    }
    if (this instanceof Date d) {
      return d.date().iso();
    }
    Quantity q = ((Amount) this).quantity();
    return q.qualifier().code()
        + " "
        + q.value().toPlainString()
        + " "
        + q.unit()
        + (q.period() == null ? "" : " (" + q.period().iso() + ")");
  }

  /** Another record, e.g. the place a station is located in. */
  record Ref(String entityId) implements ClaimObject {
    public Ref {
      Checks.notBlank(entityId, "entityId");
    }
  }

  /** Free text: a name, a pseudonymous target description, an attribution chain. */
  record Text(String text) implements ClaimObject {
    public Text {
      Checks.notBlank(text, "text");
    }
  }

  /** A vocabulary code, e.g. a tactic or an organisation kind. */
  record Code(String code) implements ClaimObject {
    public Code {
      Checks.notBlank(code, "code");
    }
  }

  record Date(FuzzyDate date) implements ClaimObject {
    public Date {
      Checks.notNull(date, "date");
    }
  }

  record Amount(Quantity quantity) implements ClaimObject {
    public Amount {
      Checks.notNull(quantity, "quantity");
    }
  }
}
