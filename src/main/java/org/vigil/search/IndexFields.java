package org.vigil.search;

/** Field names of the index, in one place. */
final class IndexFields {
  /** Exact id, updated by term. */
  static final String ID = "id";

  // analysed, with offsets in postings for the highlighter; title and text are two values
  static final String EN = "en";
  static final String ZH = "zh";

  /** Han bigrams: recall where smartcn segments a word differently in the text and the query. */
  static final String ZH_BIGRAM = "zh_bi";

  static final String STD = "std";

  // stored for display and snippets
  static final String TITLE = "title";
  static final String TEXT = "text";

  /** Only stored when the simplified form differs in length, so offsets cannot map 1:1. */
  static final String NORM_TITLE = "ntitle";

  static final String NORM_TEXT = "ntext";
  static final String LANGUAGE = "language";

  // filters
  static final String LANG = "lang";
  static final String LANG_BASE = "lang_base";
  static final String PUBLISHER = "publisher";

  /** Epoch day: point for ranges, doc values, stored. */
  static final String PUBLISHED = "published";

  /**
   * Facets: one sorted doc value per document joining language, publisher and year. There are few
   * distinct combinations, and one doc-values lookup per match instead of three is what keeps
   * counting over hundreds of thousands of matches cheap.
   */
  static final String FACETS = "facets";

  static final char FACET_SEP = '\u001F';

  private IndexFields() {}
}
