package org.vigil.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;
import org.vigil.core.VigilException;
import org.vigil.records.Claim;
import org.vigil.records.ProposalFilter;
import org.vigil.records.ProposalRecord;
import org.vigil.records.ProposalStatus;
import org.vigil.review.AcceptResult;
import org.vigil.schema.ClaimStatus;

/**
 * Review work for the crash harness, run in a child JVM: {@code ReviewDriver DATA SEED MODE}. Mode
 * {@code work} decides open proposals at random (accept, reject, edit-free accept) and, when none
 * are left, keeps moving claims between alleged and disputed, forever; it is killed. Mode {@code
 * finish} decides every open proposal and exits 0. Prints one line per change.
 */
public final class ReviewDriver {
  private ReviewDriver() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    boolean finish = args[2].equals("finish");
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      List<String> claims = new ArrayList<>();
      for (ProposalRecord p :
          vigil.review().list(new ProposalFilter(null, null, ProposalStatus.ACCEPTED, 100_000))) {
        claims.addAll(p.resultIds());
      }
      while (true) {
        List<ProposalRecord> open =
            vigil.review().list(new ProposalFilter(null, null, ProposalStatus.OPEN, 200));
        if (open.isEmpty()) {
          if (finish || claims.isEmpty()) {
            System.out.println("finished");
            return;
          }
          toggle(vigil, claims.get(random.nextInt(claims.size())));
          continue;
        }
        ProposalRecord p = open.get(random.nextInt(open.size()));
        try {
          if (random.nextInt(10) < 7) {
            AcceptResult r = vigil.review().accept(p.id(), p.version(), "crash-test", "seen");
            claims.addAll(r.claimIds());
            System.out.println("accept " + p.id());
          } else {
            vigil.review().reject(p.id(), p.version(), "crash-test", "not supported");
            System.out.println("reject " + p.id());
          }
        } catch (VigilException e) {
          // e.g. several stations match: a person would choose; the driver rejects
          vigil.review().reject(p.id(), p.version(), "crash-test", "ambiguous: " + e.code());
          System.out.println("reject " + p.id());
        }
        System.out.flush();
      }
    }
  }

  private static void toggle(Vigil vigil, String claimId) {
    Optional<Claim> c = vigil.claims().find(claimId);
    if (c.isEmpty()) {
      return;
    }
    ClaimStatus to =
        c.get().status() == ClaimStatus.DISPUTED ? ClaimStatus.ALLEGED : ClaimStatus.DISPUTED;
    try {
      vigil.review().setStatus(claimId, c.get().version(), to, "crash-test", "re-read the source");
      System.out.println("status " + claimId + " " + to.code());
      System.out.flush();
    } catch (VigilException e) {
      // a step the rules do not allow from this status (e.g. confirmed): leave it
    }
  }
}
