/**
 * The single owner of the Lucene IndexWriter and SearcherManager: analyzers per field and language, facets, highlights. Rebuildable from the records store.
 *
 * <p>May use: core.
 */
@NullMarked
package org.vigil.search;

import org.jspecify.annotations.NullMarked;
