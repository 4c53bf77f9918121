package org.vigil.search;

import java.util.List;
import java.util.Map;

/**
 * @param total how many sources match (before {@code limit})
 * @param facets counts over all matches, by facet name: {@code language}, {@code publisher}, {@code
 *     year}
 */
public record SearchResult(
    long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {}
