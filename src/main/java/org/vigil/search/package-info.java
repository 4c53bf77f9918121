/**
 * The single owner of the Lucene IndexWriter and SearcherManager: analyzers per field and language,
 * facets, highlights. Rebuildable from the records store.
 *
 * <p>Fields (title and text are two values of each analysed field, with a position gap so that
 * phrases do not straddle them): {@code en} English with Porter stemming, over every source; {@code
 * zh} smartcn words and {@code zh_bi} Han bigrams over the simplified text of Chinese sources and
 * sources containing Han (bigrams, searched as phrases with a constant score, recover words that
 * smartcn segments differently in text and query); {@code std} ICU words, case-folded, for other
 * languages. Queries are converted Traditional→Simplified for the Chinese fields only. Offsets are
 * kept in the postings so that snippets need no re-analysis.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.search;

import org.jspecify.annotations.NullMarked;
