package org.vigil.ingest;

import java.util.ArrayList;
import java.util.List;
import org.vigil.archive.Archive;
import org.vigil.archive.ArchiveCheck;
import org.vigil.core.ContentHash;
import org.vigil.records.SourceStore;

/** Re-hashes the original of every stored source and reports the missing and the altered. */
public final class ArchiveVerifier {
  private final Archive archive;
  private final SourceStore store;

  public ArchiveVerifier(Archive archive, SourceStore store) {
    this.archive = archive;
    this.store = store;
  }

  /** A problem with one original. */
  public record Problem(String sourceId, ContentHash hash, ArchiveCheck check) {}

  /**
   * @param problems missing and altered originals, in source id order; empty when all verify
   */
  public record Report(long checked, long ok, List<Problem> problems) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean passed() {
      return problems.isEmpty();
    }
  }

  public Report verify() {
    List<Problem> problems = new ArrayList<>();
    long[] counts = new long[2];
    store.forEachHash(
        hash -> {
          counts[0]++;
          ArchiveCheck check = archive.check(hash);
          if (check == ArchiveCheck.OK) {
            counts[1]++;
          } else {
            problems.add(new Problem(hash.sourceId(), hash, check));
          }
        });
    return new Report(counts[0], counts[1], problems);
  }
}
