package org.vigil.search;

import java.nio.file.Path;

/**
 * The Lucene index of sources, and the only owner of its IndexWriter and SearcherManager.
 * Thread-safe.
 */
public final class SourceIndex implements AutoCloseable {
  /** Opens or creates the index in {@code dir}. */
  public static SourceIndex open(Path dir) {
    throw new UnsupportedOperationException();
  }

  /** Adds or replaces (by id) one source. Visible to searches after {@link #commit()}. */
  public void upsert(IndexedSource source) {
    throw new UnsupportedOperationException();
  }

  /** Makes every upsert durable and visible. */
  public void commit() {
    throw new UnsupportedOperationException();
  }

  /** Removes every document (for a rebuild). */
  public void clear() {
    throw new UnsupportedOperationException();
  }

  public long count() {
    throw new UnsupportedOperationException();
  }

  public SearchResult search(SearchQuery query) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
