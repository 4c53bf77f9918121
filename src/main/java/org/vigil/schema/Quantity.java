package org.vigil.schema;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;

/**
 * A counted or measured amount as a source states it.
 *
 * @param unit what is counted, normalised to a short English noun: {@code station}, {@code person},
 *     {@code country}, {@code case}, … ({@code item} when the text does not say)
 * @param period the period the amount covers, when the text gives one
 */
public record Quantity(
    BigDecimal value, String unit, Qualifier qualifier, @Nullable FuzzyDate period) {
  public Quantity {
    Checks.notNull(value, "value");
    Checks.notBlank(unit, "unit");
    Checks.notNull(qualifier, "qualifier");
  }
}
