package org.vigil.schema;

import java.util.Locale;

/** What an extraction proposal is about. */
public enum ProposalKind {
  PLACE,
  STATION,
  ORGANIZATION,
  QUANTITY,
  DATE,
  ATTRIBUTION,
  INCIDENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
