package org.vigil.review;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.vigil.core.Text;
import org.vigil.records.ClaimSpan;

/**
 * Counts independent origins. Spans are joined when their sources are in one duplicate cluster
 * (syndicated copies) or when their attribution chains start with the same party (two outlets
 * relaying one NGO report); each connected group is one origin. Joining by both keys at once
 * matters: a copy of an outlet's story in another cluster that names the same NGO is still that
 * NGO's word.
 */
final class Origins {
  private Origins() {}

  static Support count(List<ClaimSpan> spans, Function<String, String> clusterOfSource) {
    int n = spans.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWithKey = new HashMap<>();
    Set<String> documents = new HashSet<>();
    for (int i = 0; i < n; i++) {
      ClaimSpan s = spans.get(i);
      documents.add(s.span().sourceId());
      String cluster = clusterOfSource.apply(s.span().sourceId());
      join(parent, firstWithKey, "cluster:" + (cluster == null ? s.span().sourceId() : cluster), i);
      if (!s.attribution().isEmpty()) {
        join(parent, firstWithKey, "origin:" + Text.fold(s.attribution().get(0)), i);
      }
    }
    Set<Integer> roots = new HashSet<>();
    for (int i = 0; i < n; i++) {
      roots.add(find(parent, i));
    }
    return new Support(documents.size(), roots.size());
  }

  private static void join(int[] parent, Map<String, Integer> firstWithKey, String key, int i) {
    Integer other = firstWithKey.putIfAbsent(key, i);
    if (other != null) {
      parent[find(parent, i)] = find(parent, other);
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
