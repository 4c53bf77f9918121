package org.vigil.app;

import org.vigil.core.VigilException;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.schema.ProposalKind;

/**
 * The demo's reviewer: accepts every station proposal, confident organisation proposals, and
 * incidents with a country and a described target. Also seeds a record for web tests and
 * benchmarks. A real team reviews by hand; this exists so the demo has a record to show.
 */
public final class ScriptedReviewer {
  /** How many proposals were accepted, and how many were left for a person. */
  public record Outcome(int accepted, int skipped) {}

  private ScriptedReviewer() {}

  public static Outcome acceptAll(Vigil vigil, String reviewer) {
    int accepted = 0;
    int skipped = 0;
    for (ProposalRecord p :
        vigil.review().list(new ProposalFilter(null, null, ProposalStatus.OPEN, 100_000))) {
      ProposalKind kind = p.proposal().kind();
      boolean wanted =
          kind == ProposalKind.STATION
              || (kind == ProposalKind.ORGANIZATION && p.proposal().confidence() >= 0.7)
              // general statements ("230,000 persuaded to return") are not incidents: the
              // script takes only those with a country and a described target
              || (kind == ProposalKind.INCIDENT
                  && !p.proposal().first("country").isBlank()
                  && !p.proposal().first("target").equals("unspecified person"));
      if (!wanted) {
        continue;
      }
      try {
        vigil.review().accept(p.id(), p.version(), reviewer, "demo: accepted by script");
        accepted++;
      } catch (VigilException e) {
        skipped++; // e.g. a proposal matching two existing stations waits for a person
      }
    }
    return new Outcome(accepted, skipped);
  }
}
