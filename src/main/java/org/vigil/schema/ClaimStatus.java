package org.vigil.schema;

import java.util.Locale;
import org.vigil.core.VigilException;

/**
 * How far a claim is verified: proposed → alleged (accepted from one origin) → corroborated (two or
 * more independent origins) → confirmed (an analyst's decision with a reason); disputed and
 * retracted at any time. The codes match the {@code claim_status} vocabulary.
 */
public enum ClaimStatus {
  PROPOSED,
  ALLEGED,
  CORROBORATED,
  CONFIRMED,
  DISPUTED,
  RETRACTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws VigilException {@code invalid_input} for an unknown code
   */
  public static ClaimStatus ofCode(String code) {
    for (ClaimStatus s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw VigilException.invalid("status", "unknown claim status '" + code + "'");
  }
}
