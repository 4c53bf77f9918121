package org.vigil.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.vigil.accounts.ApiTokenInfo;
import org.vigil.accounts.User;
import org.vigil.app.Vigil;
import org.vigil.audit.AuditHead;
import org.vigil.audit.AuditVerification;
import org.vigil.ingest.ArchiveVerifier;
import org.vigil.records.ProposalStatus;

/**
 * What a workspace holds, taken before an attack and compared after it: the attack must not have
 * added, removed or changed anything, the audit chain must still verify up to the same head, and
 * every archived original must still match its hash. The "nothing lost or corrupted" half of every
 * hostile case.
 */
record Intact(
    long sources,
    long claims,
    long records,
    Map<ProposalStatus, Long> proposals,
    List<User> users,
    List<ApiTokenInfo> tokens,
    AuditHead audit) {

  static Intact of(Vigil vigil) {
    return new Intact(
        vigil.sources().count(),
        vigil.claims().count(),
        vigil.records().count(),
        vigil.proposals().countByStatus(),
        vigil.accounts().list(),
        vigil.accounts().apiTokens(null).stream()
            // last use is touched by reads, which is not a change to what is stored
            .map(
                t ->
                    new ApiTokenInfo(
                        t.id(), t.userName(), t.label(), t.created(), null, t.revoked()))
            .toList(),
        vigil.auditLog().head());
  }

  /** Asserts that nothing changed since this was taken and that the stores still verify. */
  void assertUnchanged(Vigil vigil, String after) {
    assertThat(of(vigil)).as("workspace after %s", after).isEqualTo(this);
    AuditVerification v = vigil.auditLog().verify(audit);
    assertThat(v.passed()).as("audit chain after %s: %s", after, v.message()).isTrue();
    ArchiveVerifier.Report r = vigil.archiveVerifier().verify();
    assertThat(r.passed()).as("archive after %s: %s", after, r.problems()).isTrue();
  }
}
