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
 * Counts facet values over every match (not just the top page) from sorted doc values. Counting
 * per segment ordinal and resolving the few distinct values at the end keeps the per-hit cost to
 * one array increment per facet.
 */
final class FacetCounter implements Collector {
  /** Facet name → doc-values field. */
  static final Map<String, String> FACETS =
      Map.of(
          "language", IndexFields.FACET_LANGUAGE,
          "publisher", IndexFields.FACET_PUBLISHER,
          "year", IndexFields.FACET_YEAR);

  private final Map<String, Map<String, Long>> counts = new HashMap<>();

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    List<String> names = List.copyOf(FACETS.keySet());
    SortedDocValues[] values = new SortedDocValues[names.size()];
    int[][] ordCounts = new int[names.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = DocValues.getSorted(context.reader(), FACETS.get(names.get(i)));
      ordCounts[i] = new int[values[i].getValueCount()];
    }
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        for (int i = 0; i < values.length; i++) {
          if (values[i].advanceExact(doc)) {
            ordCounts[i][values[i].ordValue()]++;
          }
        }
      }

      @Override
      public void finish() throws IOException {
        for (int i = 0; i < values.length; i++) {
          Map<String, Long> byValue = counts.computeIfAbsent(names.get(i), k -> new HashMap<>());
          for (int ord = 0; ord < ordCounts[i].length; ord++) {
            if (ordCounts[i][ord] > 0) {
              byValue.merge(values[i].lookupOrd(ord).utf8ToString(), (long) ordCounts[i][ord], Long::sum);
            }
          }
        }
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** Counts by facet, most frequent first (ties by value); every facet present, maybe empty. */
  static Map<String, List<FacetCount>> merge(Collection<FacetCounter> counters) {
    Map<String, List<FacetCount>> result = new LinkedHashMap<>();
    for (String facet : List.of("language", "publisher", "year")) {
      Map<String, Long> total = new HashMap<>();
      for (FacetCounter c : counters) {
        c.counts.getOrDefault(facet, Map.of()).forEach((k, v) -> total.merge(k, v, Long::sum));
      }
      List<FacetCount> list = new ArrayList<>();
      total.forEach((k, v) -> list.add(new FacetCount(k, v)));
      list.sort(
          Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
      result.put(facet, List.copyOf(list));
    }
    return result;
  }

  static final class Manager
      implements CollectorManager<FacetCounter, Map<String, List<FacetCount>>> {
    @Override
    public FacetCounter newCollector() {
      return new FacetCounter();
    }

    @Override
    public Map<String, List<FacetCount>> reduce(Collection<FacetCounter> collectors) {
      return merge(collectors);
    }
  }
}
