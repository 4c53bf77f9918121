package org.vigil.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.schema.Proposal;

/**
 * A stored proposal and its decision.
 *
 * @param proposal as decided: edited fields replace extracted ones
 * @param extracted the fields as extraction proposed them, kept when a reviewer edits
 * @param decided who decided and when; null while open
 * @param resultIds the entities and claims accepting it made or reused
 */
public record ProposalRecord(
    String id,
    Proposal proposal,
    Map<String, List<String>> extracted,
    ProposalStatus status,
    int version,
    @Nullable Stamp decided,
    String reason,
    List<String> resultIds) {
  public ProposalRecord {
    Checks.notBlank(id, "id");
    Checks.notNull(proposal, "proposal");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    extracted.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    extracted = Collections.unmodifiableMap(copy);
    Checks.notNull(status, "status");
    Checks.positive(version, "version");
    Checks.notNull(reason, "reason");
    resultIds = List.copyOf(resultIds);
  }

  public String sourceId() {
    return proposal.span().sourceId();
  }
}
