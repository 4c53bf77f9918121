package org.vigil.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts every match (not just the top page) and its facet values, from the one joined
 * language/publisher/year doc value: per segment an array increment per match, and the few distinct
 * combinations are split into facets at the end.
 */
final class FacetCounter implements Collector {
  static final List<String> FACETS = List.of("language", "publisher", "year");

  /** Total matches and counts by facet, most frequent first. */
  record Counts(long total, Map<String, List<FacetCount>> facets) {}

  private final Map<String, Long> combinations = new HashMap<>();
  private long total;

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SortedDocValues values = DocValues.getSorted(context.reader(), IndexFields.FACETS);
    int[] ordCounts = new int[values.getValueCount()];
    return new LeafCollector() {
      private int collected;

      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        collected++;
        if (values.advanceExact(doc)) {
          ordCounts[values.ordValue()]++;
        }
      }

      @Override
      public void finish() throws IOException {
        total += collected;
        for (int ord = 0; ord < ordCounts.length; ord++) {
          if (ordCounts[ord] > 0) {
            combinations.merge(
                values.lookupOrd(ord).utf8ToString(), (long) ordCounts[ord], Long::sum);
          }
        }
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  static Counts merge(Collection<FacetCounter> counters) {
    long total = 0;
    List<Map<String, Long>> byFacet = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
    for (FacetCounter c : counters) {
      total += c.total;
      c.combinations.forEach(
          (combination, count) -> {
            String[] parts = combination.split(String.valueOf(IndexFields.FACET_SEP), -1);
            for (int i = 0; i < FACETS.size() && i < parts.length; i++) {
              if (!parts[i].isEmpty()) {
                byFacet.get(i).merge(parts[i], count, Long::sum);
              }
            }
          });
    }
    Map<String, List<FacetCount>> result = new LinkedHashMap<>();
    for (int i = 0; i < FACETS.size(); i++) {
      List<FacetCount> list = new ArrayList<>();
      byFacet.get(i).forEach((k, v) -> list.add(new FacetCount(k, v)));
      list.sort(
          Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
      result.put(FACETS.get(i), List.copyOf(list));
    }
    return new Counts(total, result);
  }

  static final class Manager implements CollectorManager<FacetCounter, Counts> {
    @Override
    public FacetCounter newCollector() {
      return new FacetCounter();
    }

    @Override
    public Counts reduce(Collection<FacetCounter> collectors) {
      return merge(collectors);
    }
  }
}
