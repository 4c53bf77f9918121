package org.vigil.search;

/** How hits are ordered: by relevance (BM25), or by publication date with undated sources last. */
public enum SearchOrder {
  RELEVANCE,
  NEWEST,
  OLDEST
}
