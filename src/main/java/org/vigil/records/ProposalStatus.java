package org.vigil.records;

import java.util.Locale;

/** Where a proposal stands: open until a reviewer accepts (as is or edited) or rejects it. */
public enum ProposalStatus {
  OPEN,
  ACCEPTED,
  REJECTED,
  /** Accepted after a reviewer changed some fields. */
  EDITED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ProposalStatus ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
