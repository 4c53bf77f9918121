package org.vigil.ingest;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.extract.MinHash;
import org.vigil.records.SourceStore;

/**
 * Puts a new source into a story cluster: with every source of identical normalised text, and with
 * LSH candidates whose estimated similarity reaches {@link MinHash#NEAR_DUPLICATE}. When the new
 * source bridges several clusters they merge into the one with the smallest id, so a cluster id is
 * always the id of one of its members and is stable while nothing merges.
 *
 * <p>Runs inside the caller's transaction. Cost per source: one indexed lookup per band and a
 * signature comparison per candidate (at most {@value #MAX_CANDIDATES}), independent of how many
 * sources are stored.
 */
final class StoryClusterer {
  static final int MAX_CANDIDATES = 64;

  private final SourceStore store;

  StoryClusterer(SourceStore store) {
    this.store = store;
  }

  /**
   * Where a new source goes.
   *
   * @param joined whether the cluster already had other sources
   */
  record Assignment(String clusterId, boolean joined) {}

  /** Picks the cluster for the new source {@code id}, merging clusters it bridges. */
  Assignment assign(String id, MinHash.Fingerprint fp) {
    Set<String> matches = new TreeSet<>(store.withTextHash(fp.textHash()));
    List<String> candidates = store.lshCandidates(fp.bandKeys(), MAX_CANDIDATES);
    candidates.removeAll(matches);
    Map<String, long[]> signatures = store.signatures(candidates);
    signatures.forEach(
        (other, sig) -> {
          if (MinHash.similarity(fp.signature(), sig) >= MinHash.NEAR_DUPLICATE) {
            matches.add(other);
          }
        });
    matches.remove(id);
    if (matches.isEmpty()) {
      return new Assignment(id, false);
    }
    NavigableSet<String> clusters = store.clustersOf(matches);
    String into = clusters.first();
    store.mergeClusters(into, clusters);
    return new Assignment(into, true);
  }
}
